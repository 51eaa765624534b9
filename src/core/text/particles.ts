/**
 * Name particles: the small words inside personal and place names that stay in lower case ("Charles
 * de Gaulle", "Ludwig van Beethoven", "Isabella of Castile"). One list for the index compiler (they
 * never stand alone as a surname or first name) and the resolver (a lower-case word inside a
 * capitalised name).
 */
export const NAME_PARTICLES: readonly string[] =
  'de del della der des di da do dos du la le van von zu den ter y e of the al el bin ibn'.split(' ');
