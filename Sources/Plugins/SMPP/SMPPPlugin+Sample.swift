extension SMPPPlugin {
    /// The commented sample instance file (`plugins.d/sms_smpp.toml.sample`).
    public static let sampleConfig = """
        ## Sends (and receives) SMS through an SMSC over SMPP 3.4, bound as a transceiver. Texts go as
        ## GSM 03.38 when every character allows it, UCS-2 otherwise; long texts are split with
        ## concatenation headers. Delivery receipts update the message status; incoming SMS become events.
        plugin = "sms_smpp"
        tenant = "acme"

        [settings]
          ## The SMSC (TCP; the usual SMPP port is 2775).
          host = "127.0.0.1"
          # port = 2775

          ## Bind credentials: system_id (max 15 characters) and the name of the environment variable
          ## that holds the password (max 8 characters), so the password is never in this file.
          system_id = "hub"
          password_env = "HUB_SMPP_PASSWORD"
          # system_type = ""

          ## submit_sm requests outstanding at once (1 = wait for each response).
          # window = 10

          ## Keep-alive: enquire_link this often; no response to any request within response_timeout
          ## drops the connection, which is then re-established with backoff.
          # enquire_link_interval = "30s"
          # response_timeout = "10s"
          # connect_timeout = "10s"
          # reconnect_initial_delay = "1s"
          # reconnect_max_delay = "60s"

          ## When the SMSC answers ESME_RTHROTTLED or ESME_RMSGQFUL, submissions pause this long and the
          ## part is resent up to throttle_retries times before the outbox retries the message later.
          # throttle_delay = "1s"
          # throttle_retries = 5

          ## Ask for delivery receipts (registered_delivery) for messages that want one.
          # delivery_reports = true

          ## How long the parts of a concatenated incoming SMS wait for the missing ones.
          # incoming_part_timeout = "10m"

        """
}
