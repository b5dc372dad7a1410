// The protocol's message handlers, one per kind of message on the wire: the network
// (net/network.ts) hands each delivery to the handler registered here for its kind. A module
// constant, not a field of the simulation: a checkpoint deep-copies the state and refuses
// functions stored in it.
import type { EngineContext } from './context';
import { onRead, onReadResponse } from './coordinator/read';
import { onMutation, onMutationAck } from './coordinator/write';
import { onDigest, onEcho } from './gossip/gossip';
import { onHintAck, onHintPage } from './hints/hints';
import type { Handlers, LossHandlers } from './net/network';
import type { Messages, NodeState } from './node/types';
import { onRepairLost, onRepairMessage } from './repair/antiEntropy';

export const MESSAGE_HANDLERS: Handlers<EngineContext, NodeState, Messages> = Object.freeze({
  mutation: onMutation,
  'mutation-ack': onMutationAck,
  read: onRead,
  'read-response': onReadResponse,
  hint: onHintPage,
  'hint-ack': onHintAck,
  gossip: onDigest,
  echo: onEcho,
  repair: onRepairMessage,
});

/** The one loss a sender's protocol acts on: a repair session's lost message fails it at its timeout. */
export const LOSS_HANDLERS: LossHandlers<EngineContext, Messages> = Object.freeze({
  repair: onRepairLost,
});
