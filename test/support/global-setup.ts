// Filled in by the Foundation: starts the test PostgreSQL once for the whole run.
export default async function setup(): Promise<void> {}
