/// `sms_kannel` settings after validation, with secrets resolved.
struct KannelConfig: Sendable, Equatable {
    var sendsmsURL: String
    var username: String
    var password: String
    var usePost: Bool
    var dlrMask: Int
    var listen: ListenAddress?
    var callbackURL: String?
    var callbackToken: String?
    var smsc: String?
    var maxParts: Int
    var timeout: Duration
}
