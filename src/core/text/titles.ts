/**
 * Words that, right before a capitalised name, say a person follows ("Senator Dies", "Professor
 * Chase"). The resolver takes them as support; the index compiler never derives a first name from
 * them ("Senator Joseph McCarthy" does not make "Senator" a name).
 */
export const TITLES: ReadonlySet<string> = new Set([
  'senator', 'sen', 'professor', 'prof', 'ambassador', 'president', 'general', 'gen', 'dr', 'doctor', 'mr', 'mrs',
  'ms', 'miss', 'comrade', 'colonel', 'col', 'captain', 'capt', 'admiral', 'marshal', 'king', 'queen', 'emperor',
  'empress', 'tsar', 'czar', 'tsarina', 'pope', 'prince', 'princess', 'duke', 'duchess', 'lord', 'lady', 'sir',
  'chairman', 'premier', 'secretary', 'minister', 'governor', 'judge', 'justice', 'rev', 'reverend', 'father',
  'bishop', 'cardinal', 'mayor', 'representative', 'rep', 'congressman', 'congresswoman', 'chancellor',
  'lieutenant', 'lt', 'major', 'sergeant', 'commissar', 'director', 'consul', 'count', 'countess', 'baron',
  'agent', 'assassin', 'defector', 'historian', 'leader', 'comrades', 'citizen', 'marshall', 'saint', 'st',
  'field', 'vice', 'chief', 'commander', 'grand', 'sultan', 'shah', 'caliph', 'khan', 'emir', 'pharaoh',
  'archduke', 'archbishop', 'brother', 'sister', 'uncle', 'aunt', 'madame', 'monsieur', 'herr', 'frau',
  'senor', 'don', 'dona', 'mister', 'dame', 'speaker', 'attorney', 'commissioner', 'trotskyist', 'bolshevik',
]);
