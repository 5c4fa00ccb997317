import {
  MAX_MESSAGES_RANGE,
  MAX_SESSION_MINUTES_RANGE,
  MAX_WINDOW_MINUTES,
  type SumoSettings,
} from '../../../shared/settings.ts';
import {
  CheckSetting,
  ListSetting,
  NumberSetting,
  SelectSetting,
  SettingsSection,
  TextSetting,
  type Section,
} from './controls.tsx';

const WINDOW_START: ReadonlyArray<readonly [SumoSettings['windowStart'], string]> = [
  ['session-start', "the session's start"],
  ['last-minutes', 'the last N minutes'],
];
const WINDOW_END: ReadonlyArray<readonly [SumoSettings['windowEnd'], string]> = [
  ['expiry', "the token's expiry (now while it is live)"],
  ['now', 'now, even long after the expiry'],
];

/** What a search looks for and over which time: the user's scope stays apart from the tag clause. */
export function SearchDefaults(props: { section: Section<SumoSettings> }) {
  const { section } = props;
  return (
    <SettingsSection form={section.form} name={section.name} legend="Search">
      <TextSetting
        section={section}
        name="scopeQuery"
        id="sumo-scope"
        label="Scope query"
        hint="Optional, your own keyword scope, e.g. _sourceCategory=prod/api. It is ANDed with the tag clause, never mixed into it."
      />
      <ListSetting
        section={section}
        name="tagNames"
        id="sumo-tags"
        by="comma"
        label="Tag names"
        hint="Names ending in .id carry the numeric session id; the others the token."
      />
      <SelectSetting
        section={section}
        name="windowStart"
        id="sumo-window-start"
        label="Time window from"
        options={WINDOW_START}
      />
      {section.draft.windowStart === 'last-minutes' && (
        <NumberSetting
          section={section}
          name="windowMinutes"
          id="sumo-window-minutes"
          label="Minutes back"
          min={1}
          max={MAX_WINDOW_MINUTES}
          unit="minutes"
        />
      )}
      <SelectSetting
        section={section}
        name="windowEnd"
        id="sumo-window-end"
        label="Time window to"
        options={WINDOW_END}
      />
      <NumberSetting
        section={section}
        name="maxSessionMinutes"
        id="sumo-max-session"
        label="Maximum session length"
        min={MAX_SESSION_MINUTES_RANGE.min}
        max={MAX_SESSION_MINUTES_RANGE.max}
        unit="minutes"
        hint="Your OpenReplay project's setting (2 h unless changed). A search from a session id alone covers its start to start + this."
      />
      <CheckSetting
        section={section}
        name="byReceiptTime"
        id="sumo-receipt"
        label="Receipt time"
        text="Use receipt time"
        hint="Search by when SumoLogic received lines: helps when server clocks are off."
      />
      <NumberSetting
        section={section}
        name="maxMessages"
        id="sumo-max-messages"
        label="Messages kept"
        min={MAX_MESSAGES_RANGE.min}
        max={MAX_MESSAGES_RANGE.max}
        unit="newest messages per search"
        hint="A search keeps the newest messages up to this many and says when there were more; narrow the time window to see older ones."
      />
    </SettingsSection>
  );
}
