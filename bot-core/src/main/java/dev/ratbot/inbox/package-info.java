/**
 * Platform updates (messages, taps) recorded before they are handled, so that none is lost or
 * handled twice across a crash, a restart or a hand-over between instances: the {@link
 * dev.ratbot.inbox.UpdateInbox} port and its in-memory and JDBC implementations, and {@link
 * dev.ratbot.inbox.ChatLanes}, which hands one chat's updates to the conversation one at a time and
 * in order, different chats in parallel.
 */
package dev.ratbot.inbox;
