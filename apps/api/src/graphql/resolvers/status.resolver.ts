import { Field, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { readModelDigests } from '@ledger/projections';
import { ReadModelService } from '@ledger/core';

@ObjectType('ReadModelDigest', { description: "SHA-256 of a read model's full canonical content." })
export class ReadModelDigestType {
  @Field({ description: 'Name of the read model.' })
  name: string;
  @Field({ description: 'SHA-256 (hex) of its canonical content.' })
  digest: string;
  @Field(() => Int, { description: 'Number of entries it holds.' })
  entries: number;
}

@ObjectType('ReadModelStatus', { description: 'What this instance serves: the log position its read models reflect, and their digests.' })
export class ReadModelStatusType {
  @Field({ description: 'Log position (decimal string).' })
  position: string;
  @Field({ description: 'Whether the read models have reached the head of the log since boot.' })
  caughtUp: boolean;
  @Field(() => [ReadModelDigestType], { description: 'One digest per read model.' })
  models: ReadModelDigestType[];
}

/**
 * Lets `ledger replay --verify` compare this instance's read models with a fresh replay. Public: the
 * digests are of the public read models. Computed once per log position, so repeated calls are cheap.
 */
@Resolver()
export class StatusResolver {
  private cached: { position: bigint; models: ReadModelDigestType[] } | undefined;

  constructor(private readonly readModels: ReadModelService) {}

  @Query(() => ReadModelStatusType, { description: 'Position and digest of each read model of this instance (for replay proofs).' })
  readModelStatus(): ReadModelStatusType {
    const position = this.readModels.position;
    if (this.cached?.position !== position) this.cached = { position, models: readModelDigests(this.readModels.model) };
    return { position: position.toString(), caughtUp: this.readModels.caughtUp, models: this.cached.models };
  }
}
