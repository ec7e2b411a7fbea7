/**
 * Collects every text a runtime produced in a spec file (published messages, raw and decoded; log lines), so
 * one assertion can say "the secret appears nowhere", and say where it did if it does.
 */
export class LeakWatch {
  private readonly texts: Array<{ where: string; text: string }> = [];

  add(where: string, text: string): void {
    this.texts.push({ where, text });
  }

  get size(): number {
    return this.texts.reduce((sum, t) => sum + t.text.length, 0);
  }

  /** Places where `secret` occurs, each with a little context. */
  find(secret: string): string[] {
    const hits: string[] = [];
    for (const { where, text } of this.texts) {
      let at = text.indexOf(secret);
      while (at >= 0) {
        hits.push(`${where}: …${text.slice(Math.max(0, at - 80), at + secret.length + 40)}…`);
        at = text.indexOf(secret, at + 1);
      }
    }
    return hits;
  }
}
