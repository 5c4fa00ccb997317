import { validateScopeSettings, type ScopeSettings } from '../../core/audit/scope-settings.ts';
import type { SumoSettings } from '../../shared/settings.ts';
import { validateSumoSettings } from './validate-settings.ts';
import { createAutosave, type Autosave, type FieldErrors } from './autosave.ts';
import type { WorkerModel } from './worker-model.ts';
import type { DevtoolsModel } from './devtools-model.ts';

const MAX_SHOWN = 60;
const shown = (value: string) => (value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN)}…` : value);

/** The audit scope's per-entry errors, gathered per field and naming the entry that is wrong. */
export function scopeFieldErrors(draft: ScopeSettings): FieldErrors<ScopeSettings> {
  const errors: FieldErrors<ScopeSettings> = {};
  for (const e of validateScopeSettings(draft)) {
    const line = `"${shown(e.value)}": ${e.message}.`;
    errors[e.field] = errors[e.field] ? `${errors[e.field]} ${line}` : line;
  }
  return errors;
}

export interface SettingsForms {
  /** SumoLogic settings, saved through the background. */
  sumo: Autosave<SumoSettings>;
  /** The propagation audit's scope, saved per inspected site. */
  scope: Autosave<ScopeSettings>;
}

/** The Settings area's drafts live here, not in the view, so switching areas keeps them. */
export function createSettingsForms(devtools: DevtoolsModel, worker: WorkerModel): SettingsForms {
  return {
    sumo: createAutosave({ stored: worker.settings, validate: validateSumoSettings, save: worker.saveSettings }),
    scope: createAutosave({
      stored: devtools.scope,
      identity: devtools.scopeSite,
      validate: scopeFieldErrors,
      save: async (next) => {
        await devtools.saveScope(next);
        return { ok: true, message: '' };
      },
    }),
  };
}
