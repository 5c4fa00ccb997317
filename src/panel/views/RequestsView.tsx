export function RequestsView() {
  return (
    <section>
      <h2>Requests</h2>
    </section>
  );
}
