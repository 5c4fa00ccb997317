import { siteKey, type ScopeSettings } from '../../../core/audit/scope-settings.ts';
import { useModel } from '../../state/model.ts';
import { CheckSetting, ListSetting, SettingsSection, type Section } from './controls.tsx';

/** Which requests should carry the token, saved for the inspected site. */
export function AuditScope(props: { section: Section<ScopeSettings> }) {
  const { devtools } = useModel();
  const { section } = props;
  const site = devtools.capture.value ? siteKey(devtools.capture.value.pageUrl) : '';
  return (
    <SettingsSection form={section.form} name={section.name} legend={`Propagation audit${site ? ` for ${site}` : ''}`}>
      <CheckSetting
        section={section}
        name="includeSameOrigin"
        id="audit-same-origin"
        label="Same origin"
        text="Same-origin fetch/XHR should carry the token"
      />
      <ListSetting
        section={section}
        name="extraOrigins"
        id="audit-origins"
        by="line"
        label="More origins"
        hint="One per line: https://api.example.com, api.example.com:4001, https://*.example.com"
      />
      <ListSetting
        section={section}
        name="urlPatterns"
        id="audit-patterns"
        by="line"
        label="URL patterns"
        hint="Like the tracker's tokenUrlMatcher: globs with * or /regex/."
      />
      <ListSetting
        section={section}
        name="extraHeaderNames"
        id="audit-headers"
        by="comma"
        label="More header names"
        hint="Besides X-OpenReplay-SessionToken, X-OpenReplay-Session-Token and openReplaySession.id. A custom name set in the tracker's options is audited without being listed here."
      />
      <CheckSetting
        section={section}
        name="askTrackerMatcher"
        id="ask-tracker-matcher"
        label="Tracker's matcher"
        text="Ask the page's tokenUrlMatcher about each request URL and use its answers as the scope"
        hint="This runs the page's own function (bounded, guarded). Your origins and URL patterns above still override it."
      />
    </SettingsSection>
  );
}
