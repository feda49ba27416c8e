import CCurl

/// `curl_global_init` must run once before any other curl call and is not thread-safe itself.
enum CurlGlobal {
    private static let done: Bool = curl_global_init(Int(CURL_GLOBAL_ALL)) == CURLE_OK

    /// Runs `curl_global_init` once (Swift initialises statics once, thread-safely).
    static func initialise() { _ = done }
}
