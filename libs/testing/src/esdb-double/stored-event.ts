/** One event as the double stores it: what EventStoreDB returns in a ReadResp.RecordedEvent. */
export interface StoredEvent {
  id: string;
  stream: string;
  revision: bigint;
  /** $all commit position. Equal to `prepare` for every gRPC append; greater for a legacy transaction. */
  position: bigint;
  /** $all prepare position of this event's record. */
  prepare: bigint;
  /** When it was written, by the log's clock (ms); `created` is sent as 100 ns ticks of it. */
  createdMs: number;
  /** System metadata: type, content-type, created. */
  metadata: Map<string, string>;
  customMetadata: Uint8Array;
  data: Uint8Array;
}

export interface ProposedEvent {
  id: string;
  type: string;
  contentType: string;
  customMetadata: Uint8Array;
  data: Uint8Array;
}
