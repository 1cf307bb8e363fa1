// Video-Beratung client (issue 6): plain ES module, no build step. Signalling over the WebSocket
// /api/video/<termin>/ws (protocol: src/server/video/signalling.ts); media flows directly between the browsers
// (or via the configured TURN server), never through vorort. Nothing is recorded.
const $ = (id) => document.getElementById(id);
const wurzel = $('video-app');
if (wurzel) start(wurzel);

function start(app) {
  const terminId = app.dataset.terminId;
  const rolle = app.dataset.rolle;
  // personal link of a booking without account: the WebSocket authenticates with it instead of a session
  const link = app.dataset.link || '';
  let texte = {};
  try {
    texte = JSON.parse(app.dataset.texte || '{}');
  } catch {
    texte = {};
  }
  // texts come translated from the page (data-texte); German only as a fallback
  const tx = (schluessel, deutsch) => texte[schluessel] || deutsch;
  const sachbearbeitung = rolle === 'sachbearbeitung';
  let iceServers = [];
  try {
    iceServers = JSON.parse(app.dataset.iceServers || '[]');
  } catch {
    iceServers = [];
  }
  const status = $('video-status');
  const ohneJs = $('video-ohne-js');
  if (ohneJs) ohneJs.hidden = true;
  const einlassen = $('video-einlassen');
  const mikro = $('video-mikro');
  const kamera = $('video-kamera');
  const bildschirm = $('video-bildschirm');
  const neu = $('video-neu');
  const auflegen = $('video-auflegen');
  const fern = $('video-fern');
  const lokal = $('video-lokal');
  const verlauf = $('chat-verlauf');
  const chatForm = $('chat-form');
  const chatText = $('chat-text');
  const chatSenden = $('chat-senden');

  let ws = null;
  let pc = null;
  let lokalerStrom = null;
  let bildschirmSpur = null;
  let beendet = false;
  let gespraech = false;

  const melde = (text) => {
    status.textContent = text;
  };
  const chatBereit = (an) => {
    chatText.disabled = !an;
    chatSenden.disabled = !an;
  };
  const senden = (nachricht) => {
    if (ws && ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(nachricht));
  };

  async function medienHolen() {
    if (lokalerStrom) return lokalerStrom;
    try {
      lokalerStrom = await navigator.mediaDevices.getUserMedia({ audio: true, video: { width: 640, height: 480 } });
    } catch {
      melde(tx('medien_fehlen', 'Kamera oder Mikrofon sind nicht freigegeben. Sie können trotzdem chatten; bitte erlauben Sie den Zugriff und laden Sie die Seite neu.'));
      lokalerStrom = new MediaStream();
    }
    lokal.srcObject = lokalerStrom;
    mikro.disabled = lokalerStrom.getAudioTracks().length === 0;
    kamera.disabled = lokalerStrom.getVideoTracks().length === 0;
    return lokalerStrom;
  }

  function verbindungSchliessen() {
    if (pc) {
      pc.onicecandidate = null;
      pc.ontrack = null;
      pc.close();
    }
    pc = null;
    window.vorortPeerConnection = null;
    fern.srcObject = null;
  }

  async function peerAufbauen() {
    verbindungSchliessen();
    const strom = await medienHolen();
    pc = new RTCPeerConnection({ iceServers });
    window.vorortPeerConnection = pc; // for the end-to-end test (getStats)
    for (const spur of strom.getTracks()) pc.addTrack(spur, strom);
    pc.onicecandidate = (e) => senden({ typ: 'ice', kandidat: e.candidate ? e.candidate.toJSON() : null });
    pc.ontrack = (e) => {
      if (fern.srcObject !== e.streams[0]) fern.srcObject = e.streams[0];
    };
    pc.onconnectionstatechange = () => {
      if (!pc) return;
      if (pc.connectionState === 'connected') melde(tx('verbunden', 'Verbunden. Das Gespräch läuft.'));
      if (pc.connectionState === 'failed') melde(tx('gestoert', 'Die Verbindung ist gestört. Bitte „Erneut verbinden“ wählen.'));
    };
    return pc;
  }

  let reihe = Promise.resolve();

  function verbinden() {
    if (beendet) return;
    const protokoll = location.protocol === 'https:' ? 'wss:' : 'ws:';
    ws = new WebSocket(`${protokoll}//${location.host}/api/video/${encodeURIComponent(terminId)}/ws${link ? `?link=${encodeURIComponent(link)}` : ''}`);
    neu.hidden = true;
    ws.addEventListener('open', () => {
      senden({ typ: 'join', terminId });
      auflegen.disabled = false;
      if (sachbearbeitung) melde(tx('im_raum', 'Sie sind im Raum. Warten auf die Bürgerin oder den Bürger …'));
      medienHolen();
    });
    ws.addEventListener('message', (e) => {
      let n;
      try {
        n = JSON.parse(e.data);
      } catch {
        return;
      }
      // One message after the other: an offer or ICE candidate must not overtake the set-up of the peer connection
      // (getUserMedia can take a moment on a freshly loaded page), or candidates would be lost.
      reihe = reihe
        .then(() => behandeln(n))
        .catch(() => melde(tx('fehler', 'Es ist ein Fehler aufgetreten. Bitte „Erneut verbinden“ wählen.')));
    });
    ws.addEventListener('close', () => {
      gespraech = false;
      chatBereit(false);
      if (bildschirm) bildschirm.disabled = true;
      if (!beendet) {
        melde(tx('unterbrochen', 'Die Verbindung ist unterbrochen. Sie können sich ohne neuen Termin wieder verbinden.'));
        neu.hidden = false;
      }
    });
  }

  async function behandeln(n) {
    switch (n.typ) {
      case 'waiting':
        if (n.wartet === 'selbst') melde(tx('warteraum', 'Sie sind im Warteraum. Sie werden gleich eingelassen.'));
        else {
          melde(tx('buerger_wartet', 'Die Bürgerin oder der Bürger wartet im Warteraum.'));
          if (einlassen) {
            einlassen.hidden = false;
            einlassen.focus();
          }
        }
        break;
      case 'admit': {
        if (einlassen) einlassen.hidden = true;
        gespraech = true;
        chatBereit(true);
        if (bildschirm) bildschirm.disabled = false;
        melde(tx('beginnt', 'Das Gespräch beginnt …'));
        const p = await peerAufbauen();
        if (n.anbieter) {
          const angebot = await p.createOffer();
          await p.setLocalDescription(angebot);
          senden({ typ: 'offer', sdp: p.localDescription.sdp });
        }
        break;
      }
      case 'offer': {
        const p = pc ?? (await peerAufbauen());
        await p.setRemoteDescription({ type: 'offer', sdp: n.sdp });
        const antwort = await p.createAnswer();
        await p.setLocalDescription(antwort);
        senden({ typ: 'answer', sdp: p.localDescription.sdp });
        break;
      }
      case 'answer':
        if (pc) await pc.setRemoteDescription({ type: 'answer', sdp: n.sdp });
        break;
      case 'ice':
        if (pc) await pc.addIceCandidate(n.kandidat ?? null).catch(() => {});
        break;
      case 'chat': {
        const li = document.createElement('li');
        const wer = n.von === rolle ? tx('chat_sie', 'Sie') : n.von === 'sachbearbeitung' ? tx('chat_beratung', 'Beratung') : tx('chat_buerger', 'Bürger/in');
        li.textContent = `${wer}: ${n.text}`;
        verlauf.appendChild(li);
        break;
      }
      case 'peer-left':
        verbindungSchliessen();
        gespraech = false;
        chatBereit(false);
        melde(n.grund === 'aufgelegt' ? tx('aufgelegt', 'Ihr Gegenüber hat aufgelegt.') : tx('peer_getrennt', 'Die Verbindung Ihres Gegenübers ist unterbrochen. Bitte warten …'));
        break;
      case 'hangup':
        verbindungSchliessen();
        chatBereit(false);
        if (n.von === 'sachbearbeitung') {
          beendet = true;
          melde(tx('beendet', 'Die Beratung wurde beendet. Vielen Dank.'));
        } else melde(tx('buerger_verlassen', 'Die Bürgerin oder der Bürger hat das Gespräch verlassen.'));
        break;
      case 'error':
        melde(tx(`fehler_${n.code}`, n.message));
        if (['nicht_berechtigt', 'raum_beendet', 'raum_geschlossen', 'ersetzt'].includes(n.code)) beendet = true;
        break;
      default:
        break;
    }
  }

  const umschalten = (knopf, art, anText, ausText) => {
    knopf.addEventListener('click', () => {
      if (!lokalerStrom) return;
      const spuren = art === 'audio' ? lokalerStrom.getAudioTracks() : lokalerStrom.getVideoTracks();
      const an = !(knopf.getAttribute('aria-pressed') === 'true');
      for (const s of spuren) s.enabled = an;
      knopf.setAttribute('aria-pressed', String(an));
      knopf.querySelector('.kern-label').textContent = an ? anText : ausText;
    });
  };
  umschalten(mikro, 'audio', tx('mikro_an', 'Mikrofon an'), tx('mikro_aus', 'Mikrofon aus'));
  umschalten(kamera, 'video', tx('kamera_an', 'Kamera an'), tx('kamera_aus', 'Kamera aus'));

  if (bildschirm) {
    bildschirm.addEventListener('click', async () => {
      if (!pc) return;
      const sender = pc.getSenders().find((s) => s.track && s.track.kind === 'video');
      if (!sender) return;
      if (bildschirmSpur) {
        bildschirmSpur.stop();
        bildschirmSpur = null;
        await sender.replaceTrack(lokalerStrom.getVideoTracks()[0] ?? null);
        bildschirm.setAttribute('aria-pressed', 'false');
        bildschirm.querySelector('.kern-label').textContent = tx('bildschirm', 'Bildschirm teilen');
        return;
      }
      try {
        const strom = await navigator.mediaDevices.getDisplayMedia({ video: true });
        bildschirmSpur = strom.getVideoTracks()[0];
        await sender.replaceTrack(bildschirmSpur);
        bildschirm.setAttribute('aria-pressed', 'true');
        bildschirm.querySelector('.kern-label').textContent = tx('bildschirm_aus', 'Bildschirm nicht mehr teilen');
        bildschirmSpur.addEventListener('ended', () => bildschirm.click());
      } catch {
        melde(tx('bildschirm_fehlt', 'Der Bildschirm wurde nicht freigegeben.'));
      }
    });
  }

  if (einlassen) einlassen.addEventListener('click', () => senden({ typ: 'admit' }));
  auflegen.addEventListener('click', () => {
    senden({ typ: 'hangup' });
    if (sachbearbeitung) beendet = true;
    verbindungSchliessen();
    chatBereit(false);
    melde(sachbearbeitung ? tx('selbst_beendet', 'Sie haben die Beratung beendet.') : tx('selbst_verlassen', 'Sie haben das Gespräch verlassen.'));
    neu.hidden = sachbearbeitung;
  });
  neu.addEventListener('click', () => {
    if (ws && ws.readyState === WebSocket.OPEN) ws.close();
    verbindungSchliessen();
    verbinden();
  });
  chatForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const text = chatText.value.trim();
    if (!text || !gespraech) return;
    senden({ typ: 'chat', text });
    chatText.value = '';
  });

  verbinden();
}
