/**
 * Abbreviations of everyday life that the word list lacks and that mean something else far more
 * often than the organization the dataset knows by them: "DNA" is the Norwegian Labour Party only
 * on a page that names the party; "GPU", "IST", "DC" are graphics cards, time zones and currents.
 * Treated like dictionary words: they link only with the full name, a title or a cue nearby.
 */
export const EVERYDAY_ACRONYMS: ReadonlySet<string> = new Set(
  `dna rna gpu cpu usb ist gmt utc est edt pst pdt cst cet bst ceo cfo cto coo hr pr tv pc faq pdf
html url api sdk os ram ssd hdd led lcd hdmi gps sms nft vpn nba nfl nhl mlb mls mvp suv ev diy atm gdp vip id dj rip asap fyi
dc ac am pm bc ad ce bce isbn doi phd mba ufo iq icu er ok diy eta tba tbd ps cc bcc rsvp aka vs ip ai ar vr ml`.split(/\s+/),
);
