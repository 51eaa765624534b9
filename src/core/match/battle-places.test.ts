import { describe, expect, it } from 'vitest';
import { linkedWith as linked } from '../../../test/fixtures/wrong-links/fixture';

describe('battles named by their places', () => {
  it('links a numbered heading "Place, year" to the battle of that year', () => {
    expect(linked('150. Bennington, 1777.—John Stark had soldiers from Vermont.')).toEqual([
      'Bennington=battle-of-bennington',
      'John Stark=john-stark',
      'Vermont=vermont',
    ]);
    expect(linked('Bennington, 1777', 'In 1777 John Stark won.')).toEqual(['Bennington=battle-of-bennington', 'John Stark=john-stark']);
  });
  it('keeps the town for another year, or inside a sentence', () => {
    expect(linked('150. Bennington, 1791.—A town of Vermont.')).toEqual(['Bennington=bennington', 'Vermont=vermont']);
    expect(linked('In 1777 dragoons went to Bennington, 1777 being a hard year.')).toEqual(['Bennington=bennington']);
  });
  it('does not card the town as the subject of a page about its battle that names the battle’s men', () => {
    expect(linked('In 1777 John Stark fought hard.', 'After it all, Bennington stood as a name.')).toEqual(['John Stark=john-stark']);
  });
  it('keeps the town where a preposition places the mention, or the page names none of the battle’s men', () => {
    expect(linked('In 1777 John Stark fought hard.', 'Dragoons rode to Bennington for horses.')).toEqual([
      'John Stark=john-stark',
      'Bennington=bennington',
    ]);
    expect(linked('In 1777 they farmed.', 'After it all, Bennington stood as a name.')).toEqual(['Bennington=bennington']);
  });
});
