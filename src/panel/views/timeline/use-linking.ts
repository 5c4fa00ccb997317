import { useModel } from '../../state/model.ts';
import { linkingOf, type LinkingModel } from '../../state/linking-model.ts';

/** The panel's one linking model (created on first use, shared by every view). */
export function useLinking(): LinkingModel {
  return linkingOf(useModel());
}
