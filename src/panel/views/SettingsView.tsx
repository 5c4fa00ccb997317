export function SettingsView() {
  return (
    <section>
      <h2>Settings</h2>
    </section>
  );
}
