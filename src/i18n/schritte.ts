import type { Lang } from './index.ts';

/**
 * Translation of the engine's calculation steps (`BerechnungErgebnis.schritte`) for citizen pages.
 *
 * The engine writes each step as one German sentence (src/domain/berechnung/kern/erklaerung.ts, `erklaere`); it stays the
 * binding explanation and staff pages show it as it is. Here each fixed phrase is recognised by a pattern, which
 * yields a step code and its values (amounts and numbers copied unchanged; German dates written in the language), and
 * the code's template in the citizen's language is filled. The pre-check's persons — readable German ("Sie", "Kind 1",
 * src/domain/formular/vorpruefung.ts) or engine ids (`antragsteller`, `partner`, `k1` …) — become labels in the language. Anything not recognised — a new engine phrase, a step with extra German detail — stays German and
 * is marked `lang="de"` by the page. Legal terms keep their German word in brackets, as the portal's other texts do.
 */

type Uebersetzt = Exclude<Lang, 'de'>;

/**
 * A person as the pre-check names it ("Sie", "Ihnen", "Ihre Partnerin oder Ihren Partner", "Kind 1"; see
 * src/domain/formular/vorpruefung.ts, lesbarePersonen) or, in other texts, by the engine's id (one word).
 */
const PERSON = 'Ihre Partnerin oder Ihren Partner|Ihrer Partnerin oder Ihrem Partner|Ihre Partnerin oder Ihr Partner|Kind \\d+|Ihnen|Sie|\\S+';
const P = (name: string): string => `(?<${name}>${PERSON})`;
/** German dates of the engine: "1. Juli 2026"; months: "Dezember 2026". */
const TAG = '\\d{1,2}\\. [A-ZÄÖÜa-zäöü]+ \\d{4}';
const MONAT = '[A-ZÄÖÜa-zäöü]+ \\d{4}';
const re = (quelle: string): RegExp => new RegExp(quelle);

/** The recognised steps. Params named `person`/`von`/`an` are persons, `zeitraum`/`stand`/`vonTag`/`bisTag` dates; everything else is copied verbatim. */
const MUSTER = {
  berechnung: re(`^Berechnung (?<leistung>\\S+) für (?<zeitraum>${MONAT}) nach dem Recht ab (?<stand>${TAG})$`),
  berechnung_teil: re(`^Berechnung (?<leistung>\\S+) für (?<vonTag>${TAG}) bis (?<bisTag>${TAG}) nach dem Recht ab (?<stand>${TAG})$`),
  fortgeschrieben: re(`^Fortgeschrieben: berechnet nach dem Recht, das am (?<stand>${TAG}) bekannt war; ändern sich die Regelbedarfe, ergeht ein Änderungsbescheid$`),
  teilmonat: /^Teilmonat: (?<tage>\d+) von 30 Tagen, alle Bedarfe anteilig$/,
  kdu: /^Kosten der Unterkunft und Heizung: Grundmiete (?<grundmiete>[^;()+=]+) \+ Nebenkosten (?<nebenkosten>[^;()+=]+) \+ Heizkosten (?<heizkosten>[^;()+=]+) = (?<summe>[^;()+=]+); anerkannt (?<anerkannt>[^;()+=]+); aufgeteilt auf (?<anzahl>\d+) Person(?:en)? im Haushalt$/,
  regelbedarf: re(`^Regelbedarf Stufe (?<stufe>\\d) für ${P('person')}$`),
  mehrbedarf_alleinerziehend: re(`^Mehrbedarf für Alleinerziehende für ${P('person')} \\((?<satz>[\\d,]+ %) von (?<regelbedarf>[^()]+) \\(Regelbedarfsstufe 1\\) für (?<anzahl>\\d+) minderjährige(?:s Kind| Kinder)\\)$`),
  kdu_anteil: re(`^Anteil an Unterkunft und Heizung für ${P('person')} \\(1\\/(?<anzahl>\\d+)\\)$`),
  erwerb: re(`^Erwerbseinkommen von ${P('person')} \\(netto; brutto (?<brutto>[^()]+)\\)$`),
  grundabsetzbetrag: re(`^Grundabsetzbetrag für ${P('person')}$`),
  absetzungen: re(`^Nachgewiesene Absetzungen von ${P('person')} \\(Versicherungen, Fahrtkosten u\\. a\\.\\) statt 100 €$`),
  freibetrag: re(`^Erwerbstätigenfreibetrag für ${P('person')} \\(aus (?<brutto>[^()]+) brutto, Obergrenze (?<obergrenze>[^()]+)\\)$`),
  versicherungspauschale: re(`^Versicherungspauschale für ${P('person')}$`),
  kindergeld: re(`^Kindergeld für ${P('person')}$`),
  einkommen_sonstiges: re(`^sonstiges Einkommen von ${P('person')}$`),
  einkommen_art: re(`^(?<art>Unterhalt|Unterhaltsvorschuss|Rente|Arbeitslosengeld|Krankengeld|Elterngeld) von ${P('person')}$`),
  ueberschuss_person: re(`^Das Einkommen von ${P('person')} deckt den eigenen Bedarf; .+ ist nicht hilfebedürftig und gehört nicht zur Bedarfsgemeinschaft – übersteigender Teil$`),
  kindergeld_uebertrag: re(`^Nicht benötigtes Kindergeld von ${P('von')} wird Einkommen von ${P('an')}$`),
  ueberschuss: /^Das Einkommen übersteigt den Bedarf; der übersteigende Teil wird nicht ausgezahlt$/,
  vermoegen: /^Vermögen (?<vermoegen>[^,()]+,\d{2}\s?€), Freibetrag (?<freibetrag>[^()]+) \((?<regel>Freibeträge nach Lebensalter|Grundfreibeträge und Anschaffungsfreibeträge|nach der Karenzzeit|Karenzzeit: nur erhebliches Vermögen zählt|vereinfachtes Verfahren: nur erhebliches Vermögen zählt)\)$/,
  vermoegen_zu_hoch: /^Kein Anspruch: das Vermögen übersteigt den Freibetrag und ist zuerst einzusetzen$/,
  aufteilung: /^Aufteilung auf die Personen nach ihrem Anteil am ungedeckten Bedarf: (?<liste>.+)$/,
  minderung: re(`^Minderung (?<prozent>\\d+) % des Regelbedarfs von ${P('person')} \\(Unterkunft und Heizung bleiben unberührt\\)$`),
  sofortzuschlag: re(`^Kindersofortzuschlag für ${P('person')} \\(zusätzlich, kein Bedarf\\)$`),
} as const;

export type SchrittCode = keyof typeof MUSTER;

/** The German wording the engine appends when a person counts only for part of the month. */
const ANTEILIG = / \(anteilig (?<tage>\d+)\/30 Tage\)$/;

type Vorlagen = Record<SchrittCode, string> & {
  anteilig: string;
  'person.antragsteller': string;
  'person.partner': string;
  'person.kind': string;
  'einkommen.Unterhalt': string;
  'einkommen.Unterhaltsvorschuss': string;
  'einkommen.Rente': string;
  'einkommen.Arbeitslosengeld': string;
  'einkommen.Krankengeld': string;
  'einkommen.Elterngeld': string;
  'vermoegen.Freibeträge nach Lebensalter': string;
  'vermoegen.Grundfreibeträge und Anschaffungsfreibeträge': string;
  'vermoegen.nach der Karenzzeit': string;
  'vermoegen.Karenzzeit: nur erhebliches Vermögen zählt': string;
  'vermoegen.vereinfachtes Verfahren: nur erhebliches Vermögen zählt': string;
};

const en: Vorlagen = {
  berechnung: 'Calculation of {leistung} for {zeitraum} under the law in force from {stand}',
  berechnung_teil: 'Calculation of {leistung} for {vonTag} to {bisTag} under the law in force from {stand}',
  fortgeschrieben: 'Carried forward: calculated under the law known on {stand}; if the standard needs (Regelbedarfe) change, you will receive an amending decision (Änderungsbescheid)',
  teilmonat: 'Part of a month: {tage} of 30 days, all needs proportionally',
  kdu: 'Housing and heating costs (Kosten der Unterkunft und Heizung): basic rent {grundmiete} + service charges {nebenkosten} + heating {heizkosten} = {summe}; recognised {anerkannt}; shared among the people in the household: {anzahl}',
  regelbedarf: 'Standard needs (Regelbedarf), level {stufe}: {person}',
  mehrbedarf_alleinerziehend: 'Additional needs of single parents (Mehrbedarf für Alleinerziehende): {person} ({satz} of {regelbedarf}, standard needs level 1, minor children: {anzahl})',
  kdu_anteil: 'Share of housing and heating costs: {person} (1/{anzahl})',
  erwerb: 'Earned income of {person} (net; gross {brutto})',
  grundabsetzbetrag: 'Basic deduction (Grundabsetzbetrag): {person}',
  absetzungen: 'Proven deductions of {person} (insurance, travel costs etc.) instead of 100 €',
  freibetrag: 'Allowance for working people (Erwerbstätigenfreibetrag): {person} (from {brutto} gross, upper limit {obergrenze})',
  versicherungspauschale: 'Insurance allowance (Versicherungspauschale): {person}',
  kindergeld: 'Child benefit (Kindergeld): {person}',
  einkommen_sonstiges: 'Other income of {person}',
  einkommen_art: '{art} of {person}',
  ueberschuss_person: 'The income of {person} covers their own needs; this person is not in need and not part of the Bedarfsgemeinschaft – the amount above their needs',
  kindergeld_uebertrag: 'Child benefit (Kindergeld) of {von} that is not needed counts as income of {an}',
  ueberschuss: 'The income exceeds the needs; the amount above the needs is not paid',
  vermoegen: 'Assets {vermoegen}, allowance {freibetrag} ({regel})',
  vermoegen_zu_hoch: 'No entitlement: the assets exceed the allowance and must be used first',
  aufteilung: 'Split among the people by their share of the uncovered needs: {liste}',
  minderung: 'Reduction (Minderung) of {prozent} % of the standard needs of {person} (housing and heating are not affected)',
  sofortzuschlag: 'Immediate child supplement (Kindersofortzuschlag): {person} (in addition, not a need)',
  anteilig: ' (proportionally, {tage}/30 days)',
  'person.antragsteller': 'you',
  'person.partner': 'your partner',
  'person.kind': 'child {nr}',
  'einkommen.Unterhalt': 'Maintenance (Unterhalt)',
  'einkommen.Unterhaltsvorschuss': 'Maintenance advance (Unterhaltsvorschuss)',
  'einkommen.Rente': 'Pension (Rente)',
  'einkommen.Arbeitslosengeld': 'Unemployment benefit (Arbeitslosengeld)',
  'einkommen.Krankengeld': 'Sickness benefit (Krankengeld)',
  'einkommen.Elterngeld': 'Parental allowance (Elterngeld)',
  'vermoegen.Freibeträge nach Lebensalter': 'allowances by age',
  'vermoegen.Grundfreibeträge und Anschaffungsfreibeträge': 'basic and purchase allowances',
  'vermoegen.nach der Karenzzeit': 'after the grace period',
  'vermoegen.Karenzzeit: nur erhebliches Vermögen zählt': 'grace period (Karenzzeit): only considerable assets count',
  'vermoegen.vereinfachtes Verfahren: nur erhebliches Vermögen zählt': 'simplified procedure: only considerable assets count',
};

const uk: Vorlagen = {
  berechnung: 'Розрахунок {leistung} за {zeitraum} за правом, чинним з {stand}',
  berechnung_teil: 'Розрахунок {leistung} з {vonTag} по {bisTag} за правом, чинним з {stand}',
  fortgeschrieben: 'Продовжено: розраховано за правом, відомим на {stand}; якщо базові потреби (Regelbedarfe) зміняться, ви отримаєте рішення про зміну (Änderungsbescheid)',
  teilmonat: 'Неповний місяць: {tage} з 30 днів, усі потреби пропорційно',
  kdu: 'Витрати на житло та опалення (Kosten der Unterkunft und Heizung): основна орендна плата {grundmiete} + комунальні витрати {nebenkosten} + опалення {heizkosten} = {summe}; визнано {anerkannt}; розподілено між особами в домогосподарстві: {anzahl}',
  regelbedarf: 'Базова потреба (Regelbedarf), рівень {stufe}: {person}',
  mehrbedarf_alleinerziehend: 'Додаткова потреба одиноких батьків (Mehrbedarf für Alleinerziehende): {person} ({satz} від {regelbedarf}, базова потреба рівня 1, неповнолітніх дітей: {anzahl})',
  kdu_anteil: 'Частка витрат на житло та опалення: {person} (1/{anzahl})',
  erwerb: 'Дохід від роботи: {person} (нетто; брутто {brutto})',
  grundabsetzbetrag: 'Базове відрахування (Grundabsetzbetrag): {person}',
  absetzungen: 'Підтверджені відрахування: {person} (страхування, витрати на проїзд тощо) замість 100 €',
  freibetrag: 'Пільга для працюючих (Erwerbstätigenfreibetrag): {person} (з {brutto} брутто, верхня межа {obergrenze})',
  versicherungspauschale: 'Страхова паушальна сума (Versicherungspauschale): {person}',
  kindergeld: 'Допомога на дитину (Kindergeld): {person}',
  einkommen_sonstiges: 'Інший дохід: {person}',
  einkommen_art: '{art}: {person}',
  ueberschuss_person: 'Дохід ({person}) покриває власну потребу; ця особа не потребує допомоги і не належить до Bedarfsgemeinschaft – частина, що перевищує потребу',
  kindergeld_uebertrag: 'Непотрібна допомога на дитину (Kindergeld) ({von}) стає доходом ({an})',
  ueberschuss: 'Дохід перевищує потребу; частина, що перевищує, не виплачується',
  vermoegen: 'Майно {vermoegen}, неоподатковувана сума {freibetrag} ({regel})',
  vermoegen_zu_hoch: 'Права немає: майно перевищує неоподатковувану суму і має бути використане спочатку',
  aufteilung: 'Розподіл між особами за їхньою часткою непокритої потреби: {liste}',
  minderung: 'Зменшення (Minderung) на {prozent} % базової потреби ({person}) (житло та опалення не зачіпаються)',
  sofortzuschlag: 'Негайна доплата на дитину (Kindersofortzuschlag): {person} (додатково, не є потребою)',
  anteilig: ' (пропорційно, {tage}/30 днів)',
  'person.antragsteller': 'ви',
  'person.partner': 'ваш партнер / ваша партнерка',
  'person.kind': 'дитина {nr}',
  'einkommen.Unterhalt': 'Аліменти (Unterhalt)',
  'einkommen.Unterhaltsvorschuss': 'Аванс на аліменти (Unterhaltsvorschuss)',
  'einkommen.Rente': 'Пенсія (Rente)',
  'einkommen.Arbeitslosengeld': 'Допомога з безробіття (Arbeitslosengeld)',
  'einkommen.Krankengeld': 'Допомога з хвороби (Krankengeld)',
  'einkommen.Elterngeld': 'Батьківська допомога (Elterngeld)',
  'vermoegen.Freibeträge nach Lebensalter': 'пільги за віком',
  'vermoegen.Grundfreibeträge und Anschaffungsfreibeträge': 'базові пільги та пільги на придбання',
  'vermoegen.nach der Karenzzeit': 'після пільгового періоду',
  'vermoegen.Karenzzeit: nur erhebliches Vermögen zählt': 'пільговий період (Karenzzeit): враховується лише значне майно',
  'vermoegen.vereinfachtes Verfahren: nur erhebliches Vermögen zählt': 'спрощена процедура: враховується лише значне майно',
};

const ar: Vorlagen = {
  berechnung: 'حساب {leistung} عن {zeitraum} وفق القانون الساري اعتبارًا من {stand}',
  berechnung_teil: 'حساب {leistung} من {vonTag} إلى {bisTag} وفق القانون الساري اعتبارًا من {stand}',
  fortgeschrieben: 'مُستكمَل: محسوب وفق القانون المعروف في {stand}؛ إذا تغيّرت الاحتياجات الأساسية (Regelbedarfe) فستتلقون قرار تعديل (Änderungsbescheid)',
  teilmonat: 'جزء من شهر: {tage} من 30 يومًا، جميع الاحتياجات بشكل نسبي',
  kdu: 'تكاليف السكن والتدفئة (Kosten der Unterkunft und Heizung): الإيجار الأساسي {grundmiete} + التكاليف الإضافية {nebenkosten} + التدفئة {heizkosten} = {summe}؛ المعترف به {anerkannt}؛ مقسّمة على أفراد الأسرة: {anzahl}',
  regelbedarf: 'الاحتياج الأساسي (Regelbedarf)، المستوى {stufe}: {person}',
  mehrbedarf_alleinerziehend: 'احتياج إضافي للوالد الوحيد (Mehrbedarf für Alleinerziehende): {person} ({satz} من {regelbedarf}، الاحتياج الأساسي المستوى 1، عدد الأطفال القاصرين: {anzahl})',
  kdu_anteil: 'الحصة من تكاليف السكن والتدفئة: {person} (1/{anzahl})',
  erwerb: 'دخل العمل: {person} (صافي؛ إجمالي {brutto})',
  grundabsetzbetrag: 'الخصم الأساسي (Grundabsetzbetrag): {person}',
  absetzungen: 'خصومات مثبتة: {person} (تأمينات، تكاليف المواصلات وغيرها) بدلًا من 100 €',
  freibetrag: 'الإعفاء للعاملين (Erwerbstätigenfreibetrag): {person} (من {brutto} إجمالي، الحد الأعلى {obergrenze})',
  versicherungspauschale: 'مبلغ التأمين المقطوع (Versicherungspauschale): {person}',
  kindergeld: 'إعانة الطفل (Kindergeld): {person}',
  einkommen_sonstiges: 'دخل آخر: {person}',
  einkommen_art: '{art}: {person}',
  ueberschuss_person: 'دخل ({person}) يغطي احتياجه الخاص؛ هذا الشخص غير محتاج وليس جزءًا من Bedarfsgemeinschaft – الجزء الزائد عن الاحتياج',
  kindergeld_uebertrag: 'إعانة الطفل (Kindergeld) غير المحتاج إليها ({von}) تصبح دخلًا لـ ({an})',
  ueberschuss: 'الدخل يتجاوز الاحتياج؛ الجزء الزائد لا يُصرف',
  vermoegen: 'الأصول {vermoegen}، المبلغ المعفى {freibetrag} ({regel})',
  vermoegen_zu_hoch: 'لا استحقاق: الأصول تتجاوز المبلغ المعفى ويجب استخدامها أولًا',
  aufteilung: 'التوزيع على الأشخاص حسب حصتهم من الاحتياج غير المغطى: {liste}',
  minderung: 'تخفيض (Minderung) بنسبة {prozent} % من الاحتياج الأساسي ({person}) (السكن والتدفئة لا يتأثران)',
  sofortzuschlag: 'الإضافة الفورية للطفل (Kindersofortzuschlag): {person} (إضافية، ليست احتياجًا)',
  anteilig: ' (نسبيًا، {tage}/30 يومًا)',
  'person.antragsteller': 'أنتم',
  'person.partner': 'الشريك / الشريكة',
  'person.kind': 'الطفل {nr}',
  'einkommen.Unterhalt': 'النفقة (Unterhalt)',
  'einkommen.Unterhaltsvorschuss': 'سلفة النفقة (Unterhaltsvorschuss)',
  'einkommen.Rente': 'المعاش (Rente)',
  'einkommen.Arbeitslosengeld': 'إعانة البطالة (Arbeitslosengeld)',
  'einkommen.Krankengeld': 'إعانة المرض (Krankengeld)',
  'einkommen.Elterngeld': 'إعانة الوالدين (Elterngeld)',
  'vermoegen.Freibeträge nach Lebensalter': 'إعفاءات حسب العمر',
  'vermoegen.Grundfreibeträge und Anschaffungsfreibeträge': 'إعفاءات أساسية وإعفاءات للمشتريات',
  'vermoegen.nach der Karenzzeit': 'بعد فترة السماح',
  'vermoegen.Karenzzeit: nur erhebliches Vermögen zählt': 'فترة السماح (Karenzzeit): تُحتسب الأصول الكبيرة فقط',
  'vermoegen.vereinfachtes Verfahren: nur erhebliches Vermögen zählt': 'إجراء مبسّط: تُحتسب الأصول الكبيرة فقط',
};

const tr: Vorlagen = {
  berechnung: '{leistung} hesaplaması, dönem {zeitraum}, {stand} tarihinden itibaren geçerli hukuka göre',
  berechnung_teil: '{leistung} hesaplaması, {vonTag} – {bisTag}, {stand} tarihinden itibaren geçerli hukuka göre',
  fortgeschrieben: 'İleriye taşındı: {stand} tarihinde bilinen hukuka göre hesaplandı; temel ihtiyaçlar (Regelbedarfe) değişirse bir değişiklik kararı (Änderungsbescheid) alırsınız',
  teilmonat: 'Kısmi ay: 30 günün {tage} günü, tüm ihtiyaçlar orantılı',
  kdu: 'Konut ve ısınma giderleri (Kosten der Unterkunft und Heizung): temel kira {grundmiete} + yan giderler {nebenkosten} + ısınma {heizkosten} = {summe}; kabul edilen {anerkannt}; hanedeki kişi sayısına bölünür: {anzahl}',
  regelbedarf: 'Temel ihtiyaç (Regelbedarf), seviye {stufe}: {person}',
  mehrbedarf_alleinerziehend: 'Tek ebeveyn ek ihtiyacı (Mehrbedarf für Alleinerziehende): {person} ({regelbedarf} tutarının {satz} kadarı, temel ihtiyaç seviye 1, reşit olmayan çocuk sayısı: {anzahl})',
  kdu_anteil: 'Konut ve ısınma giderlerinden pay: {person} (1/{anzahl})',
  erwerb: 'Çalışma geliri: {person} (net; brüt {brutto})',
  grundabsetzbetrag: 'Temel indirim (Grundabsetzbetrag): {person}',
  absetzungen: 'Belgelenmiş indirimler: {person} (sigortalar, yol giderleri vb.) 100 € yerine',
  freibetrag: 'Çalışanlar için muafiyet (Erwerbstätigenfreibetrag): {person} ({brutto} brütten, üst sınır {obergrenze})',
  versicherungspauschale: 'Sigorta götürü tutarı (Versicherungspauschale): {person}',
  kindergeld: 'Çocuk parası (Kindergeld): {person}',
  einkommen_sonstiges: 'Diğer gelir: {person}',
  einkommen_art: '{art}: {person}',
  ueberschuss_person: 'Gelir ({person}) kendi ihtiyacını karşılıyor; bu kişi muhtaç değildir ve Bedarfsgemeinschaft içinde yer almaz – ihtiyacı aşan kısım',
  kindergeld_uebertrag: 'İhtiyaç duyulmayan çocuk parası (Kindergeld) ({von}) şu kişinin geliri sayılır: {an}',
  ueberschuss: 'Gelir ihtiyacı aşıyor; aşan kısım ödenmez',
  vermoegen: 'Varlık {vermoegen}, muafiyet {freibetrag} ({regel})',
  vermoegen_zu_hoch: 'Hak yok: varlık muafiyeti aşıyor ve önce kullanılmalıdır',
  aufteilung: 'Karşılanmayan ihtiyaçtaki paylarına göre kişilere dağılım: {liste}',
  minderung: 'Kesinti (Minderung): {person} temel ihtiyacının % {prozent} kadarı (konut ve ısınma etkilenmez)',
  sofortzuschlag: 'Çocuk için anında ek ödeme (Kindersofortzuschlag): {person} (ek olarak, ihtiyaç değildir)',
  anteilig: ' (orantılı, {tage}/30 gün)',
  'person.antragsteller': 'siz',
  'person.partner': 'eşiniz / partneriniz',
  'person.kind': 'çocuk {nr}',
  'einkommen.Unterhalt': 'Nafaka (Unterhalt)',
  'einkommen.Unterhaltsvorschuss': 'Nafaka avansı (Unterhaltsvorschuss)',
  'einkommen.Rente': 'Emekli maaşı (Rente)',
  'einkommen.Arbeitslosengeld': 'İşsizlik parası (Arbeitslosengeld)',
  'einkommen.Krankengeld': 'Hastalık parası (Krankengeld)',
  'einkommen.Elterngeld': 'Ebeveyn parası (Elterngeld)',
  'vermoegen.Freibeträge nach Lebensalter': 'yaşa göre muafiyetler',
  'vermoegen.Grundfreibeträge und Anschaffungsfreibeträge': 'temel muafiyetler ve alım muafiyetleri',
  'vermoegen.nach der Karenzzeit': 'bekleme süresinden sonra',
  'vermoegen.Karenzzeit: nur erhebliches Vermögen zählt': 'bekleme süresi (Karenzzeit): yalnızca önemli varlıklar sayılır',
  'vermoegen.vereinfachtes Verfahren: nur erhebliches Vermögen zählt': 'basitleştirilmiş usul: yalnızca önemli varlıklar sayılır',
};

export const SCHRITT_VORLAGEN: Record<Uebersetzt, Vorlagen> = { en, uk, ar, tr };

/** The step code and values of a German step text, or null if it is not one of the fixed phrases. */
export function erkenneSchritt(text: string): { code: SchrittCode; werte: Record<string, string>; tage: string | null } | null {
  const anteilig = ANTEILIG.exec(text);
  const kern = anteilig ? text.slice(0, anteilig.index) : text;
  for (const [code, muster] of Object.entries(MUSTER) as [SchrittCode, RegExp][]) {
    const m = muster.exec(kern);
    if (m) return { code, werte: { ...m.groups }, tage: anteilig?.groups?.tage ?? null };
  }
  return null;
}

const fuelle = (vorlage: string, werte: Record<string, string>) => vorlage.replace(/\{(\w+)\}/g, (_, n: string) => werte[n] ?? `{${n}}`);

/** Person of the pre-check (readable German label or id) → label in the language; unknown ids are kept as they are. */
function personText(person: string, v: Vorlagen): string {
  if (person === 'antragsteller' || person === 'Sie' || person === 'Ihnen') return v['person.antragsteller'];
  if (person === 'partner' || /^Ihre[rn]? Partnerin oder Ihr(?:en|em)? Partner$/.test(person)) return v['person.partner'];
  const kind = /^(?:k|Kind )(\d+)$/.exec(person);
  return kind ? fuelle(v['person.kind'], { nr: kind[1]! }) : person;
}

const MONATE = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];
const LOCALE: Record<Uebersetzt, string> = { en: 'en-GB', uk: 'uk-UA', ar: 'ar-u-nu-latn', tr: 'tr-TR' };

/** A German date of the engine ("1. Juli 2026" or "Dezember 2026") in the language; unknown forms stay as they are. */
function datumInSprache(text: string, lang: Uebersetzt): string {
  const m = /^(?:(\d{1,2})\. )?([A-ZÄÖÜa-zäöü]+) (\d{4})$/.exec(text);
  const monat = m ? MONATE.indexOf(m[2]!) : -1;
  if (!m || monat < 0) return text;
  const datum = new Date(Date.UTC(Number(m[3]), monat, m[1] ? Number(m[1]) : 1));
  const format: Intl.DateTimeFormatOptions = m[1] ? { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' } : { month: 'long', year: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(LOCALE[lang], format).format(datum);
}

/**
 * A calculation step in the citizen's language: `{ text, lang }` — `lang` is 'de' when the text stayed German
 * (German page, or a phrase without translation), so the page can mark it. Amounts, dates and the norm are untouched.
 */
export function schrittText(text: string, lang: Lang): { text: string; lang: Lang } {
  if (lang === 'de') return { text, lang };
  const v = SCHRITT_VORLAGEN[lang];
  const erkannt = erkenneSchritt(text);
  if (!erkannt) return { text, lang: 'de' };
  const werte = { ...erkannt.werte };
  for (const k of ['person', 'von', 'an']) if (werte[k] !== undefined) werte[k] = personText(werte[k], v);
  for (const k of ['zeitraum', 'stand', 'vonTag', 'bisTag']) if (werte[k] !== undefined) werte[k] = datumInSprache(werte[k], lang);
  if (erkannt.code === 'einkommen_art') werte.art = v[`einkommen.${werte.art}` as keyof Vorlagen];
  if (erkannt.code === 'vermoegen') werte.regel = v[`vermoegen.${werte.regel}` as keyof Vorlagen];
  if (erkannt.code === 'aufteilung') {
    // "Sie 219,43 €, Ihre Partnerin oder Ihr Partner 219,42 €, Kind 1 …" — amounts have no space after their comma
    werte.liste = werte
      .liste!.split(', ')
      .map((teil) => {
        const m = /^(.+) ([\d.]+,\d{2}\s€)$/.exec(teil);
        return m ? `${personText(m[1]!, v)} ${m[2]}` : teil;
      })
      .join(', ');
  }
  const ergebnis = fuelle(v[erkannt.code], werte) + (erkannt.tage ? fuelle(v.anteilig, { tage: erkannt.tage }) : '');
  return { text: ergebnis, lang };
}
