/** Telegram users talking to the bot through the Bot-API-shaped server: updates in, the bot's calls out. */

import type { FakeBotApi } from './fake-bot-api.ts';

export type Params = Record<string, unknown>;

export function chatWith(api: FakeBotApi, firstUserId = 1000) {
  let userCounter = firstUserId;
  let messageCounter = 1;
  let callbackCounter = 1;
  const user = (language_code = 'en', id = userCounter++) => ({
    id,
    is_bot: false,
    first_name: 'U',
    language_code,
  });
  type User = ReturnType<typeof user>;
  const privateChat = (from: { id: number }) => ({ id: from.id, type: 'private' });

  /** The message update for a text (commands get the bot_command entity Telegram attaches). */
  const textMessage = (text: string, from: User | undefined, chat: Params, extra: Params = {}) => ({
    message_id: messageCounter++,
    date: 0,
    chat,
    ...(from ? { from } : {}),
    text,
    ...(text.startsWith('/')
      ? { entities: [{ type: 'bot_command', offset: 0, length: text.split(' ')[0]!.length }] }
      : {}),
    ...extra,
  });
  const sendText = (text: string, from = user(), chat: Params = privateChat(from), extra: Params = {}) => {
    const updateId = api.push({ message: textMessage(text, from, chat, extra) });
    return { from, chat, updateId };
  };
  const press = (from: User, data: string, chatId = from.id) =>
    api.push({
      callback_query: {
        id: `cb${callbackCounter++}`,
        from,
        chat_instance: 'x',
        data,
        message: { message_id: 1, date: 0, chat: { id: chatId, type: 'private' } },
      },
    });
  /** Messages the bot sent (accepted by the server) to a chat, after the given call index. */
  const messagesTo = (chatId: number, since = 0) =>
    api.calls
      .slice(since)
      .filter((c) => c.method === 'sendMessage' && c.status === 200 && c.params.chat_id === chatId)
      .map((c) => c.params);
  const waitMessages = (chatId: number, count: number, since = 0, timeoutMs = 15_000) =>
    api.waitFor(() => {
      const m = messagesTo(chatId, since);
      return m.length >= count ? m : undefined;
    }, timeoutMs);
  /** The first call of a method after the given call index, once it comes. */
  const nextCall = (method: string, since: number, timeoutMs = 15_000) =>
    api.waitFor((calls) => calls.slice(since).find((c) => c.method === method), timeoutMs);
  const buttons = (params: Params) =>
    (
      (params.reply_markup as { inline_keyboard?: Array<Array<{ text: string; callback_data: string }>> })
        ?.inline_keyboard ?? []
    ).flat();
  return { user, textMessage, sendText, press, messagesTo, waitMessages, nextCall, buttons, privateChat };
}
