// Minimal types for the part of autocannon 8 the Termine benchmark uses (the package ships none).
declare module 'autocannon' {
  type Anfrage = { method?: 'GET' | 'POST'; path?: string; body?: string; headers?: Record<string, string> };
  type Client = { on: (event: 'response', listener: (statusCode: number, bytes: number, time: number) => void) => void };
  type Optionen = {
    url: string;
    connections?: number;
    amount?: number;
    timeout?: number;
    headers?: Record<string, string>;
    requests?: Anfrage[];
    setupClient?: (client: Client) => void;
  };
  type Ergebnis = {
    duration: number;
    errors: number;
    timeouts: number;
    requests: { total: number; average: number };
    latency: { p99: number; average: number };
  };
  export default function autocannon(optionen: Optionen): Promise<Ergebnis>;
}
