/** A small map for a place: land, borders, the place's outline or a dot (paths drawn in the background). */
import type { LocatorMap } from '../../core/protocol/messages';
import { t } from '../../shared/i18n';

export function LocatorMapView({ map, name }: { map: LocatorMap; name: string }) {
  return (
    <svg class="map" viewBox={`0 0 ${map.width} ${map.height}`} width="100%" role="img" aria-label={t('cardMapLabel', name)}>
      <rect class="map-sea" width={map.width} height={map.height} />
      <path class="map-land" d={map.land} />
      {map.highlight && <path class="map-highlight" d={map.highlight} />}
      <path class="map-borders" d={map.borders} />
      {map.point && <circle class="map-point" cx={map.point[0]} cy={map.point[1]} r="4.5" />}
    </svg>
  );
}
