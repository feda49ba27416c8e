import CCurl
import Foundation

/// SMTP through libcurl: `smtp://` with optional or required STARTTLS (`CURLOPT_USE_SSL`), `smtps://`,
/// AUTH with username and password, one MAIL FROM, RCPT TO per recipient, DATA from memory.
///
/// libcurl's easy interface blocks, so each transfer runs on a dedicated serial dispatch queue; one easy
/// handle is kept so consecutive messages reuse the SMTP connection.
public final class CurlSMTPTransport: MailTransport, @unchecked Sendable {
    /// How to reach and log in to the server.
    public struct Configuration: Sendable, Equatable {
        /// `smtp://host:port` or `smtps://host:port`; the EHLO name is appended as the path.
        public var url: String
        /// `CURLUSESSL_NONE`, `_TRY` or `_ALL` as 0, 1 or 3.
        public var useSSL: Int
        public var username: String?
        public var password: String?
        /// Whole-transfer timeout.
        public var timeout: Duration
        /// CA bundle for the server certificate (default: the system's).
        public var caFile: String?
        /// Whether the server certificate and host name are verified.
        public var verifyPeer: Bool

        /// Creates a configuration.
        public init(url: String, useSSL: Int, username: String?, password: String?, timeout: Duration, caFile: String?, verifyPeer: Bool) {
            self.url = url
            self.useSSL = useSSL
            self.username = username
            self.password = password
            self.timeout = timeout
            self.caFile = caFile
            self.verifyPeer = verifyPeer
        }
    }

    private let configuration: Configuration
    private let queue = DispatchQueue(label: "hub.mail.smtp")
    /// Touched only on `queue`.
    private var easy: UnsafeMutableRawPointer?

    private static let global: Bool = curl_global_init(Int(CURL_GLOBAL_ALL)) == CURLE_OK

    /// Creates the transport; nothing connects until the first `send`.
    public init(_ configuration: Configuration) {
        _ = Self.global
        self.configuration = configuration
    }

    deinit {
        if let easy { curl_easy_cleanup(easy) }
    }

    public func send(from sender: String, to recipients: [String], message: Data) async throws(MailError) {
        let result: Result<Void, MailError> = await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: self.perform(from: sender, to: recipients, message: message)) }
        }
        try result.get()
    }

    /// Runs one SMTP transaction on `queue`.
    private func perform(from sender: String, to recipients: [String], message: Data) -> Result<Void, MailError> {
        if easy == nil { easy = curl_easy_init() }
        guard let easy else { return .failure(.temporary("curl_easy_init failed")) }
        var list: UnsafeMutablePointer<curl_slist>?
        for recipient in recipients { list = curl_slist_append(list, "<\(recipient)>") }
        defer { curl_slist_free_all(list) }
        let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
        defer { errorBuffer.deallocate() }
        let reader = UploadReader(message)
        let context = Unmanaged.passRetained(reader)
        defer { context.release() }
        let c = configuration
        _ = ccurl_easy_setopt_string(easy, CURLOPT_URL, c.url)
        _ = ccurl_easy_setopt_long(easy, CURLOPT_USE_SSL, c.useSSL)
        _ = ccurl_easy_setopt_string(easy, CURLOPT_MAIL_FROM, "<\(sender)>")
        _ = ccurl_easy_setopt_slist(easy, CURLOPT_MAIL_RCPT, list)
        _ = ccurl_easy_setopt_long(easy, CURLOPT_UPLOAD, 1)
        _ = ccurl_easy_setopt_off(easy, CURLOPT_INFILESIZE_LARGE, curl_off_t(message.count))
        _ = ccurl_easy_setopt_callback(easy, CURLOPT_READFUNCTION, uploadCallback)
        _ = ccurl_easy_setopt_pointer(easy, CURLOPT_READDATA, context.toOpaque())
        _ = ccurl_easy_setopt_pointer(easy, CURLOPT_ERRORBUFFER, errorBuffer)
        _ = ccurl_easy_setopt_long(easy, CURLOPT_NOSIGNAL, 1)
        let milliseconds = c.timeout.components.seconds * 1000 + c.timeout.components.attoseconds / 1_000_000_000_000_000
        _ = ccurl_easy_setopt_long(easy, CURLOPT_TIMEOUT_MS, Int(milliseconds))
        _ = ccurl_easy_setopt_long(easy, CURLOPT_CONNECTTIMEOUT_MS, Int(min(milliseconds, 10_000)))
        _ = ccurl_easy_setopt_long(easy, CURLOPT_SSL_VERIFYPEER, c.verifyPeer ? 1 : 0)
        _ = ccurl_easy_setopt_long(easy, CURLOPT_SSL_VERIFYHOST, c.verifyPeer ? 2 : 0)
        if let caFile = c.caFile { _ = ccurl_easy_setopt_string(easy, CURLOPT_CAINFO, caFile) }
        if let username = c.username { _ = ccurl_easy_setopt_string(easy, CURLOPT_USERNAME, username) }
        if let password = c.password { _ = ccurl_easy_setopt_string(easy, CURLOPT_PASSWORD, password) }
        let code = curl_easy_perform(easy)
        var response = 0
        _ = ccurl_easy_getinfo_long(easy, CURLINFO_RESPONSE_CODE, &response)
        // The slist and reader die with this call; never leave curl pointing at them.
        _ = ccurl_easy_setopt_slist(easy, CURLOPT_MAIL_RCPT, nil)
        _ = ccurl_easy_setopt_pointer(easy, CURLOPT_READDATA, nil)
        _ = ccurl_easy_setopt_pointer(easy, CURLOPT_ERRORBUFFER, nil)
        guard code != CURLE_OK else { return .success(()) }
        let detail = String(cString: errorBuffer)
        let text = (detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail) + (response > 0 ? " (server said \(response))" : "")
        return .failure(Self.classify(code, response: response, text: text))
    }

    /// Maps a curl result and the last SMTP reply code to retry or give up.
    static func classify(_ code: CURLcode, response: Int, text: String) -> MailError {
        switch code {
        case CURLE_LOGIN_DENIED: return .authentication(text)
        case CURLE_COULDNT_CONNECT, CURLE_COULDNT_RESOLVE_HOST, CURLE_OPERATION_TIMEDOUT, CURLE_SSL_CONNECT_ERROR,
             CURLE_USE_SSL_FAILED, CURLE_PEER_FAILED_VERIFICATION, CURLE_GOT_NOTHING:
            return .unreachable(text)
        default:
            if (500..<600).contains(response) { return .permanent(text) }
            return .temporary(text)
        }
    }
}

/// The message bytes curl reads during DATA.
private final class UploadReader {
    let data: Data
    var offset = 0
    init(_ data: Data) { self.data = data }
}

private let uploadCallback: ccurl_data_callback = { buffer, size, count, context in
    guard let buffer, let context else { return 0 }
    let reader = Unmanaged<UploadReader>.fromOpaque(context).takeUnretainedValue()
    let room = size * count
    let length = min(room, reader.data.count - reader.offset)
    guard length > 0 else { return 0 }
    reader.data.withUnsafeBytes { raw in
        guard let base = raw.baseAddress else { return }
        memcpy(buffer, base + reader.offset, length)
    }
    reader.offset += length
    return length
}
