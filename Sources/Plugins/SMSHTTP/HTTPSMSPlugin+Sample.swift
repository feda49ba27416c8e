extension HTTPSMSPlugin {
    /// The commented sample instance file (`plugins.d/sms_http.toml.sample`).
    public static let sampleConfig = """
        ## Sends the tenant's SMS through an SMS provider's HTTP API, described by templates, and receives
        ## the provider's delivery reports and incoming SMS on a small HTTP listener of its own.
        ## Presets fill in everything but credentials: "46elks", "sinch", "twilio"; any key below
        ## overrides the preset's value. Placeholders in url, headers, form and body:
        ##   {to} {to_digits} {from} {text} {id} {tenant} {parts} {coding} {callback_url}
        ## plus your own in [settings.variables]. Each is escaped for where it stands (URL, header, form
        ## field, JSON string). {callback_url} carries the message id (?ref=…) back with each report.
        plugin = "sms_http"
        tenant = "acme"

        [settings]
          preset = "46elks"

          ## Credentials: auth = "basic" takes username and password (or password_env), "bearer" a token
          ## (or token_env); "none" sends neither.
          # auth = "basic"
          username = "u0123456789abcdef"
          password = "change-me"
          # password_env = "ELKS_API_PASSWORD"
          # token = "sinch-api-token"
          # token_env = "SINCH_API_TOKEN"

          ## The request (given by the preset; write them for another provider).
          # method = "POST"
          # url = "https://api.46elks.com/a1/sms"
          ## "form" (x-www-form-urlencoded body), "query" (form fields in the URL), "json" or "text" (body).
          # format = "form"
          ## Form fields (form and query formats; fields that come out empty are left out) or the body
          ## template (json and text formats).
          # form = { from = "{from}", to = "{to}", message = "{text}", whendelivered = "{callback_url}" }
          # body = '{"from": "{from}", "to": ["{to}"], "body": "{text}"}'
          # content_type = "application/json"

          ## What counts as accepted, what is retried later (default 408, 425, 429 and 5xx; any other
          ## status fails the message), and where the provider's message id is in the answer.
          # success_status = [200]
          # retry_status = [408, 425, 429, 500, 502, 503, 504]
          # id_json_path = "id"
          # id_regex = "id=([0-9a-f]+)"

          ## Callback listener for delivery reports (<callback_url>/dlr) and incoming SMS (<callback_url>/mo).
          listen = "127.0.0.1:13081"
          ## The listener as the provider reaches it (a public HTTPS proxy in front of the hub).
          # callback_url = "https://sms-callbacks.example.com"
          ## A token every callback must carry (&token=…; {callback_url} includes it).
          # callback_token_env = "SMS_CALLBACK_TOKEN"
          # callback_token = "long-random-text"

          ## Delivery-report mapping (given by the preset): status field and the words meaning delivered,
          ## failed and expired (others are intermediate). dlr_reference_field correlates on the provider's
          ## id (with id_json_path) instead of our ref.
          # dlr_status_field = "status"
          # dlr_detail_field = "code"
          # dlr_delivered = ["delivered"]
          # dlr_failed = ["failed"]
          # dlr_expired = ["expired"]
          # dlr_reference_field = "id"

          ## Incoming-SMS mapping (given by the preset).
          # mo_from_field = "from"
          # mo_to_field = "to"
          # mo_text_field = "message"

          ## Most SMS parts a text may need; longer texts fail at once.
          # max_parts = 5

          ## Timeout of one request (a timeout is retried), and messages sent at the same time.
          # request_timeout = "15s"
          # max_in_flight = 4

          ## Extra request headers (templates).
          [settings.headers]
            # X-Tenant = "{tenant}"


          ## Your own placeholders, e.g. Sinch's {region} and {service_plan_id}, Twilio's {account_sid}.
          [settings.variables]
            # region = "eu"
            # service_plan_id = "abc123"

        """
}
