import type { ChannelConfig } from '../../../config/config';
import type { Channels } from './channel-provider';
import { httpChannel } from './http-channel';
import { smtpChannel } from './smtp-channel';

/** The providers configured for this process; a channel left out fails its messages with CHANNEL_NOT_CONFIGURED. */
export function createChannels(config: ChannelConfig): Channels {
  const fixed = (url: string | undefined) => (url ? httpChannel(() => url) : undefined);
  const channels = {
    email: config.smtpUrl ? smtpChannel(config.smtpUrl, config.mailFrom) : undefined,
    sms: fixed(config.smsUrl),
    whatsapp: fixed(config.whatsappUrl),
    push: fixed(config.pushUrl),
    webhook:
      Object.keys(config.webhookUrls).length > 0
        ? httpChannel((m) =>
            Object.prototype.hasOwnProperty.call(config.webhookUrls, m.to)
              ? config.webhookUrls[m.to]
              : undefined,
          )
        : undefined,
  };
  return Object.fromEntries(Object.entries(channels).filter(([, p]) => p !== undefined));
}
