/** The README's dashboard query (axes, 18 commitments, 79 activities of the bundled plan), anonymous. */
export const DASHBOARD_QUERY = `{ plan(id: "ma-2018-2020") { title implementationRate axes { title implementationRate }
  commitments { number title implementationRate activities { number weight progress status } } } }`;
