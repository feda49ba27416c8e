import Foundation
import HubCore
import HubPluginSupport

extension HTTPSMSPlugin {
    /// The `[settings]` table of an `sms_http` instance; see ``HTTPSMSPlugin/sampleConfig``. Every key but
    /// the credentials may come from `preset`.
    public struct Settings: PluginSettings, Equatable {
        /// `46elks`, `sinch`, `twilio`, or nil to write everything by hand.
        public var preset: String?
        /// Request method.
        public var method: String?
        /// URL template.
        public var url: String?
        /// Header templates by name.
        public var headers: [String: String]
        /// `form`, `query`, `json` or `text`.
        public var format: String?
        /// Form-field templates by name (form and query formats); fields rendering empty are left out.
        public var form: [String: String]?
        /// Body template (json and text formats).
        public var body: String?
        /// Content-Type override.
        public var contentType: String?
        /// `none`, `basic` or `bearer`.
        public var auth: String?
        /// Basic-auth user.
        public var username: String?
        /// Basic-auth password.
        public var password: String?
        /// Environment variable with the password.
        public var passwordEnv: String?
        /// Bearer token.
        public var token: String?
        /// Environment variable with the token.
        public var tokenEnv: String?
        /// Extra placeholders (`{service_plan_id}` …).
        public var variables: [String: String]
        /// Status codes meaning accepted.
        public var successStatus: [Int]?
        /// Status codes meaning retry later.
        public var retryStatus: [Int]?
        /// JSON path of the provider's message id in the answer.
        public var idJSONPath: String?
        /// Regex whose first group is the provider's message id.
        public var idRegex: String?
        /// Callback listener address.
        public var listen: String?
        /// The listener's base URL as the provider reaches it.
        public var callbackURL: String?
        /// Token callbacks must carry.
        public var callbackToken: String?
        /// Environment variable with the callback token.
        public var callbackTokenEnv: String?
        /// Delivery-report field with the provider id (nil: our `ref`).
        public var dlrReferenceField: String?
        /// Delivery-report status field.
        public var dlrStatusField: String?
        /// Delivery-report detail field.
        public var dlrDetailField: String?
        /// Status words meaning delivered.
        public var dlrDelivered: [String]?
        /// Status words meaning failed.
        public var dlrFailed: [String]?
        /// Status words meaning expired.
        public var dlrExpired: [String]?
        /// Incoming-SMS sender field.
        public var moFromField: String?
        /// Incoming-SMS receiver field.
        public var moToField: String?
        /// Incoming-SMS text field.
        public var moTextField: String?
        /// Most SMS parts a message may need.
        public var maxParts: Int
        /// Timeout of one request.
        public var requestTimeout: DurationSetting
        /// Messages sent at the same time.
        public var maxInFlight: Int

        /// Every key of the table.
        public enum Keys: String, CodingKey, CaseIterable {
            case preset, method, url, headers, format, form, body
            case contentType = "content_type"
            case auth, username, password
            case passwordEnv = "password_env"
            case token
            case tokenEnv = "token_env"
            case variables
            case successStatus = "success_status"
            case retryStatus = "retry_status"
            case idJSONPath = "id_json_path"
            case idRegex = "id_regex"
            case listen
            case callbackURL = "callback_url"
            case callbackToken = "callback_token"
            case callbackTokenEnv = "callback_token_env"
            case dlrReferenceField = "dlr_reference_field"
            case dlrStatusField = "dlr_status_field"
            case dlrDetailField = "dlr_detail_field"
            case dlrDelivered = "dlr_delivered"
            case dlrFailed = "dlr_failed"
            case dlrExpired = "dlr_expired"
            case moFromField = "mo_from_field"
            case moToField = "mo_to_field"
            case moTextField = "mo_text_field"
            case maxParts = "max_parts"
            case requestTimeout = "request_timeout"
            case maxInFlight = "max_in_flight"
        }

        /// Creates settings with nothing but defaults; set fields as needed.
        public init() {
            headers = [:]
            variables = [:]
            maxParts = 5
            requestTimeout = DurationSetting(.seconds(15))
            maxInFlight = 4
        }

        /// Decodes the table; nothing is required by itself (``resolve(environment:)`` checks what is missing).
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: Keys.self)
            self.init()
            preset = try c.decodeIfPresent(String.self, forKey: .preset)
            method = try c.decodeIfPresent(String.self, forKey: .method)
            url = try c.decodeIfPresent(String.self, forKey: .url)
            headers = try c.decodeIfPresent([String: String].self, forKey: .headers) ?? [:]
            format = try c.decodeIfPresent(String.self, forKey: .format)
            form = try c.decodeIfPresent([String: String].self, forKey: .form)
            body = try c.decodeIfPresent(String.self, forKey: .body)
            contentType = try c.decodeIfPresent(String.self, forKey: .contentType)
            auth = try c.decodeIfPresent(String.self, forKey: .auth)
            username = try c.decodeIfPresent(String.self, forKey: .username)
            password = try c.decodeIfPresent(String.self, forKey: .password)
            passwordEnv = try c.decodeIfPresent(String.self, forKey: .passwordEnv)
            token = try c.decodeIfPresent(String.self, forKey: .token)
            tokenEnv = try c.decodeIfPresent(String.self, forKey: .tokenEnv)
            variables = try c.decodeIfPresent([String: String].self, forKey: .variables) ?? [:]
            successStatus = try c.decodeIfPresent([Int].self, forKey: .successStatus)
            retryStatus = try c.decodeIfPresent([Int].self, forKey: .retryStatus)
            idJSONPath = try c.decodeIfPresent(String.self, forKey: .idJSONPath)
            idRegex = try c.decodeIfPresent(String.self, forKey: .idRegex)
            listen = try c.decodeIfPresent(String.self, forKey: .listen)
            callbackURL = try c.decodeIfPresent(String.self, forKey: .callbackURL)
            callbackToken = try c.decodeIfPresent(String.self, forKey: .callbackToken)
            callbackTokenEnv = try c.decodeIfPresent(String.self, forKey: .callbackTokenEnv)
            dlrReferenceField = try c.decodeIfPresent(String.self, forKey: .dlrReferenceField)
            dlrStatusField = try c.decodeIfPresent(String.self, forKey: .dlrStatusField)
            dlrDetailField = try c.decodeIfPresent(String.self, forKey: .dlrDetailField)
            dlrDelivered = try c.decodeIfPresent([String].self, forKey: .dlrDelivered)
            dlrFailed = try c.decodeIfPresent([String].self, forKey: .dlrFailed)
            dlrExpired = try c.decodeIfPresent([String].self, forKey: .dlrExpired)
            moFromField = try c.decodeIfPresent(String.self, forKey: .moFromField)
            moToField = try c.decodeIfPresent(String.self, forKey: .moToField)
            moTextField = try c.decodeIfPresent(String.self, forKey: .moTextField)
            maxParts = try c.decodeIfPresent(Int.self, forKey: .maxParts) ?? maxParts
            requestTimeout = try c.decodeIfPresent(DurationSetting.self, forKey: .requestTimeout) ?? requestTimeout
            maxInFlight = try c.decodeIfPresent(Int.self, forKey: .maxInFlight) ?? maxInFlight
        }
    }
}
