/**
 * Locator maps for place cards, drawn offline from world-atlas's 1:110m country outlines (Natural
 * Earth, public domain; bundled as data/countries-110m.json and read on the first place card).
 * A place with coordinates gets a dot in a region about 1,500 km across; a country gets its outline
 * highlighted. Output is SVG path data, rendered by the card without any markup strings.
 */
import { geoAzimuthalEqualArea, geoCentroid, geoCircle, geoContains, geoPath, type GeoPermissibleObjects } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import browser from 'webextension-polyfill';
import type { CardEntity } from '../core/index/format';
import type { LocatorMap } from '../core/protocol/messages';
import { foldKey } from '../core/text/fold';

const WIDTH = 320;
const HEIGHT = 150;
const PAD = 8;

/** Short names in the atlas that differ from the dataset's names. */
const ATLAS_NAMES: Record<string, string> = {
  'united states of america': 'united states',
  'dem. rep. congo': 'democratic republic of the congo',
  'central african rep.': 'central african republic',
  'bosnia and herz.': 'bosnia and herzegovina',
  'dominican rep.': 'dominican republic',
  'eq. guinea': 'equatorial guinea',
  's. sudan': 'south sudan',
  'solomon is.': 'solomon islands',
  'w. sahara': 'western sahara',
  'n. cyprus': 'northern cyprus',
  'falkland is.': 'falkland islands',
  'fr. s. antarctic lands': 'french southern and antarctic lands',
  "côte d'ivoire": 'ivory coast',
  macedonia: 'north macedonia',
  czechia: 'czech republic',
  'timor-leste': 'east timor',
  eswatini: 'eswatini',
};

interface Atlas {
  countries: Feature<Geometry, { name: string }>[];
  byName: Map<string, Feature<Geometry, { name: string }>>;
  borders: GeoPermissibleObjects;
}

let atlasPromise: Promise<Atlas> | undefined;

function loadAtlas(): Promise<Atlas> {
  atlasPromise ??= (async () => {
    const response = await fetch(browser.runtime.getURL('data/countries-110m.json'));
    const topology = (await response.json()) as Topology<{ countries: GeometryCollection<{ name: string }> }>;
    const countries = (feature(topology, topology.objects.countries) as FeatureCollection<Geometry, { name: string }>).features;
    const byName = new Map<string, Feature<Geometry, { name: string }>>();
    for (const f of countries) {
      const key = foldKey(f.properties.name);
      byName.set(ATLAS_NAMES[key] ?? key, f);
    }
    return { countries, byName, borders: mesh(topology, topology.objects.countries, (a, b) => a !== b) as GeoPermissibleObjects };
  })().catch((err) => {
    atlasPromise = undefined;
    throw err;
  });
  return atlasPromise;
}

/** The atlas outline for a country-like place, by its name, Wikipedia title or a short form. */
function outlineOf(atlas: Atlas, place: CardEntity): Feature<Geometry, { name: string }> | undefined {
  for (const name of [place.name, place.wikipedia]) {
    const hit = atlas.byName.get(foldKey(name));
    if (hit) return hit;
  }
  return undefined;
}

export async function locatorMap(place: CardEntity): Promise<LocatorMap | undefined> {
  const atlas = await loadAtlas();
  const outline = place.coords ? undefined : outlineOf(atlas, place);
  if (!place.coords && !outline) return undefined;
  const [lat, lon] = place.coords ?? [0, 0];
  const center = place.coords ? ([lon, lat] as [number, number]) : geoCentroid(outline!);
  const extent: GeoPermissibleObjects = place.coords ? geoCircle().center(center).radius(7)() : outline!;
  const projection = geoAzimuthalEqualArea()
    .rotate([-center[0], -center[1]])
    .fitExtent(
      [
        [PAD, PAD],
        [WIDTH - PAD, HEIGHT - PAD],
      ],
      extent,
    )
    .clipExtent([
      [0, 0],
      [WIDTH, HEIGHT],
    ]);
  const path = geoPath(projection).digits(1);
  const land = path({ type: 'FeatureCollection', features: atlas.countries }) ?? '';
  const borders = path(atlas.borders) ?? '';
  const container = place.coords ? atlas.countries.find((f) => geoContains(f, center)) : outline;
  const point = place.coords ? projection(center) : undefined;
  return {
    width: WIDTH,
    height: HEIGHT,
    land,
    borders,
    highlight: container ? (path(container) ?? undefined) : undefined,
    point: point ? [Math.round(point[0] * 10) / 10, Math.round(point[1] * 10) / 10] : undefined,
  };
}
