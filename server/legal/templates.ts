/**
 * Built-in German templates of the legal pages (Markdown). `{{betreiber}}` and `{{kontakt}}` are
 * filled from LEGAL_OPERATOR and LEGAL_CONTACT; an operator replaces a whole page with a file in
 * LEGAL_DIR (`impressum.md`, `datenschutz.md`, `barrierefreiheit.md`). The privacy template names
 * what Mitplan actually stores and why (see README, "Speicher"); review it with the data
 * protection officer before going live.
 */
import type { LegalPageName } from '../../src/lib/contract/legal';

export const LEGAL_TEMPLATES: Record<LegalPageName, string> = {
	impressum: `# Impressum

## Anbieter

{{betreiber}}

## Kontakt

{{kontakt}}

## Hinweis

Diese Plattform ist eine Installation von Mitplan, einer Software für die gemeinsame Arbeit an
kommunalen Integrations- und Vielfaltsstrategien. Sie wird von der oben genannten Stelle auf
eigenen Servern betrieben.
`,

	datenschutz: `# Datenschutzerklärung

## Verantwortliche Stelle

{{betreiber}}

Kontakt: {{kontakt}}

## Welche Daten diese Plattform speichert und warum

- **Konten:** Name, E-Mail-Adresse, ein Hash des Passworts (scrypt) und die Rollen in Plänen –
  damit Sie sich anmelden und an Plänen mitarbeiten können (Art. 6 Abs. 1 lit. e DSGVO in
  Verbindung mit der Aufgabe der Kommune).
- **Sitzungen:** ein Sitzungs-Cookie (\`mitplan_session\`); gespeichert wird nur ein Hash des
  Schlüssels. Das Cookie ist technisch notwendig und läuft nach Ablauf der Sitzung ab.
- **Sprache der Oberfläche:** ein Cookie (\`mitplan_lang\`, „de“ oder „en“, 400 Tage), das nur
  die gewählte Sprache enthält; bei Konten zusätzlich diese Einstellung am Konto, damit sie auf
  jedem Gerät gilt.
- **Gäste über einen Einladungslink:** der selbst gewählte Anzeigename, solange die Einladung gilt.
- **Inhalte der Pläne, Kommentare, Prüfungen und der Verlauf:** wer wann was geändert hat, damit
  die Arbeitsgruppe die Entstehung des Plans nachvollziehen kann.
- **Beteiligung der Öffentlichkeit:** Ihr Beitrag und – nur wenn Sie ihn angeben – Ihr Name.
  IP-Adressen werden nicht gespeichert; zur Begrenzung von Massenbeiträgen wird ein Hash aus Runde
  und Adresse kurzzeitig gezählt.
- **Protokoll der Plan-Einstellungen** (z. B. Mitglieder hinzugefügt) zur Nachvollziehbarkeit.

Die Plattform bindet keine Dienste Dritter ein: keine Schriftarten, Skripte, Karten oder
Statistikdienste fremder Anbieter, keine Werbung und kein Tracking.

## Speicherdauer

Inhalte bleiben gespeichert, solange der Plan besteht; mit dem Löschen eines Plans werden seine
Inhalte, Versionen, Beiträge und Protokolle gelöscht. Konten löscht die Administration auf Wunsch.

## Ihre Rechte

Sie haben das Recht auf Auskunft, Berichtigung, Löschung, Einschränkung der Verarbeitung,
Widerspruch und Datenübertragbarkeit sowie das Recht auf Beschwerde bei der zuständigen
Datenschutz-Aufsichtsbehörde. Wenden Sie sich dazu an die oben genannte Stelle.
`,

	barrierefreiheit: `# Erklärung zur Barrierefreiheit

{{betreiber}} ist bemüht, diese Plattform im Einklang mit den Vorschriften zur Barrierefreiheit
(BITV 2.0, EN 301 549, WCAG 2.1 Stufe AA) barrierefrei zugänglich zu machen.

## Stand der Vereinbarkeit

Die Plattform ist weitgehend mit den genannten Anforderungen vereinbar. Jede Seite wird vor jeder
Veröffentlichung einer neuen Version automatisch geprüft (axe-core); alle Funktionen sind mit der
Tastatur bedienbar, Formulare sind beschriftet, und der Plan gibt es zusätzlich als Tabelle und
als PDF.

## Nicht barrierefreie Inhalte

- Vom Plan erzeugte PDF-Dateien sind noch nicht als getaggtes PDF (PDF/UA) ausgezeichnet.
- Inhalte, die Nutzende selbst eingeben, können von der Plattform nicht auf Verständlichkeit
  geprüft werden.

## Erstellung dieser Erklärung

Diese Erklärung beruht auf einer Selbstbewertung.

## Feedback und Kontakt

Sind Ihnen Mängel beim barrierefreien Zugang aufgefallen? Schreiben Sie uns: {{kontakt}}

## Schlichtungsverfahren

Wenn Sie auf Ihre Rückmeldung keine zufriedenstellende Antwort erhalten, können Sie sich an die
Schlichtungsstelle nach dem Behindertengleichstellungsgesetz Ihres Landes oder des Bundes wenden.
`
};

export const OPERATOR_PLACEHOLDER =
	'[Name und Anschrift der betreibenden Stelle – bitte LEGAL_OPERATOR setzen]';
export const CONTACT_PLACEHOLDER = '[E-Mail-Adresse und Telefon – bitte LEGAL_CONTACT setzen]';
