# Sourced by scripts/train and scripts/cross-validate: the labelled posts the default pack learns from, in the order
# they are read. The reporting sets of eval/ (owners-test, chat-test, owners-hard, owners-brief) are never among them.
real_posts=eval/owners-dev.jsonl # the real owners' posts: the shared development half of the held-out set
training_files=(
  eval/owners-train.jsonl
  eval/chat-train.jsonl
  "$real_posts"
  bot-core/src/test/resources/dev/ratbot/answer/*-questions.jsonl
)
