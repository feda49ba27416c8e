extension KannelSMSPlugin {
    /// The commented sample instance file (`plugins.d/sms_kannel.toml.sample`).
    public static let sampleConfig = """
        ## Sends the tenant's SMS through a Kannel gateway (smsbox's /cgi-bin/sendsms) and receives
        ## Kannel's callbacks on a small HTTP listener of its own: delivery reports (the dlr-url sent with
        ## each message) and incoming SMS. For incoming SMS, give Kannel an sms-service such as:
        ##
        ##   group = sms-service
        ##   keyword = default
        ##   catch-all = true
        ##   max-messages = 0
        ##   get-url = "http://127.0.0.1:13080/kannel/mo?from=%p&to=%P&text=%b&coding=%c&charset=%C&smsc=%i"
        ##
        ## The sendsms-user needs max-messages >= max_parts and concatenation = true for long texts.
        plugin = "sms_kannel"
        tenant = "acme"

        [settings]
          ## smsbox's sendsms URL (sendsms-port of the smsbox group).
          # sendsms_url = "http://127.0.0.1:13013/cgi-bin/sendsms"

          ## A sendsms-user of Kannel's configuration.
          username = "hub"

          ## Its password, or (better) the name of an environment variable holding it.
          password = "change-me"
          # password_env = "KANNEL_SENDSMS_PASSWORD"

          ## "GET" (parameters in the URL) or "POST" (X-Kannel headers, the text as body).
          # method = "GET"

          ## Where the callback listener binds. Leave out for no listener (then set dlr_mask = 0).
          listen = "127.0.0.1:13080"

          ## The listener's address as Kannel reaches it (default: http://<listen>).
          # callback_url = "http://hub.internal:13080"

          ## A token Kannel must send back with each callback (&token=…), checked by the listener.
          # callback_token = "long-random-text"
          # callback_token_env = "KANNEL_CALLBACK_TOKEN"

          ## Kannel dlr-mask: 1 delivered, 2 not delivered, 4 queued on SMSC, 8 delivered to SMSC,
          ## 16 not delivered to SMSC. 0 asks for no delivery reports.
          # dlr_mask = 31

          ## smsc-id to route through (default: Kannel's own routing).
          # smsc = "operator_a"

          ## Most SMS parts a text may need; longer texts fail at once. Keep <= the sendsms-user's max-messages.
          # max_parts = 5

          ## Timeout of one sendsms request; a timeout is retried by the outbox.
          # request_timeout = "10s"

          ## Messages sent to Kannel at the same time.
          # max_in_flight = 4

        """
}
