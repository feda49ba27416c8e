import CCurl
import Foundation

/// Setting up the easy handle, on the caller's thread before the loop owns it.
extension CurlTransfer {
    func configure(_ request: HTTPRequest, _ configuration: CurlHTTPClient.Configuration) throws(HTTPTransportError) {
        let lower = request.url.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else {
            throw .invalidRequest("url must start with http:// or https://, got \(request.url.prefix(40))")
        }
        let tokenCharacters = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_!#$%&'*+.^`|~")
        guard !request.method.isEmpty, request.method.unicodeScalars.allSatisfy(tokenCharacters.contains) else {
            throw .invalidRequest("method '\(request.method)' is not an HTTP token")
        }
        try set(CURLOPT_URL, request.url)
        try set(CURLOPT_PROTOCOLS_STR, "http,https")
        try set(CURLOPT_NOSIGNAL, 1)
        try set(CURLOPT_ERRORBUFFER, pointer: UnsafeMutableRawPointer(errorBuffer))
        try set(CURLOPT_TIMEOUT_MS, request.timeout.curlMilliseconds)
        try set(CURLOPT_CONNECTTIMEOUT_MS, configuration.connectTimeout.curlMilliseconds)
        try set(CURLOPT_MAXFILESIZE_LARGE, offset: curl_off_t(configuration.maxResponseBytes))
        try set(CURLOPT_ACCEPT_ENCODING, "")
        try set(CURLOPT_USERAGENT, configuration.userAgent)
        try configureMethodAndBody(request)
        try configureTLS(configuration)
        try configureProxy(configuration)
        try configureRedirects(configuration)
        try configureHeaders(request)
        try configureAuth(request.auth)
        let context = Unmanaged.passUnretained(self).toOpaque()
        try set(CURLOPT_WRITEDATA, pointer: context)
        try set(CURLOPT_HEADERDATA, pointer: context)
        try check(ccurl_easy_setopt_callback(easy, CURLOPT_WRITEFUNCTION) { data, size, count, context in
            guard let data, let context else { return 0 }
            let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
            return transfer.receiveBody(UnsafeRawBufferPointer(start: data, count: size * count))
        }, "write callback")
        try check(ccurl_easy_setopt_callback(easy, CURLOPT_HEADERFUNCTION) { data, size, count, context in
            guard let data, let context else { return 0 }
            let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
            return transfer.receiveHeaderLine(UnsafeRawBufferPointer(start: data, count: size * count))
        }, "header callback")
    }

    private func configureMethodAndBody(_ request: HTTPRequest) throws(HTTPTransportError) {
        switch (request.method, request.body) {
        case ("GET", nil): try set(CURLOPT_HTTPGET, 1)
        case ("HEAD", nil): try set(CURLOPT_NOBODY, 1)
        case (_, nil) where request.method != "POST": try set(CURLOPT_CUSTOMREQUEST, request.method)
        default:
            let body = request.body ?? Data()
            try set(CURLOPT_POSTFIELDSIZE_LARGE, offset: curl_off_t(body.count))
            // COPYPOSTFIELDS copies the bytes, so `body` need not outlive this call.
            let code = body.withUnsafeBytes { raw in
                raw.baseAddress.map { ccurl_easy_setopt_pointer(easy, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: $0)) }
                    ?? ccurl_easy_setopt_string(easy, CURLOPT_COPYPOSTFIELDS, "")
            }
            try check(code, "body")
            if request.method != "POST" { try set(CURLOPT_CUSTOMREQUEST, request.method) }
        }
    }

    private func configureTLS(_ configuration: CurlHTTPClient.Configuration) throws(HTTPTransportError) {
        if let caFile = configuration.caFile { try set(CURLOPT_CAINFO, caFile) }
        if configuration.insecureSkipVerify {
            try set(CURLOPT_SSL_VERIFYPEER, 0)
            try set(CURLOPT_SSL_VERIFYHOST, 0)
        }
    }

    private func configureProxy(_ configuration: CurlHTTPClient.Configuration) throws(HTTPTransportError) {
        // An empty string turns proxies off, including the http_proxy environment variables curl honours.
        try set(CURLOPT_PROXY, configuration.proxy ?? "")
        switch configuration.proxyAuth {
        case let .basic(user, password):
            try set(CURLOPT_PROXYAUTH, ccurl_auth_basic())
            try set(CURLOPT_PROXYUSERNAME, user)
            try set(CURLOPT_PROXYPASSWORD, password)
        case let .ntlm(user, password):
            try set(CURLOPT_PROXYAUTH, ccurl_auth_ntlm())
            try set(CURLOPT_PROXYUSERNAME, user)
            try set(CURLOPT_PROXYPASSWORD, password)
        case .bearer, nil: break
        }
    }

    private func configureRedirects(_ configuration: CurlHTTPClient.Configuration) throws(HTTPTransportError) {
        guard configuration.followRedirects else { return }
        try set(CURLOPT_FOLLOWLOCATION, 1)
        try set(CURLOPT_MAXREDIRS, 5)
        try set(CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
    }

    private func configureHeaders(_ request: HTTPRequest) throws(HTTPTransportError) {
        var lines = request.headers.map { "\($0.name): \($0.value)" }
        for field in request.headers where field.name.isEmpty || (field.name + field.value).contains(where: \.isNewline) {
            throw .invalidRequest("header '\(field.name.prefix(40))' is empty or contains a line break")
        }
        if case let .bearer(token) = request.auth {
            guard !token.contains(where: \.isNewline) else { throw .invalidRequest("bearer token contains a line break") }
            lines.append("Authorization: Bearer \(token)")
        }
        lines.append("Expect:")  // no 100-continue round trip for large bodies
        if request.body != nil, !request.headers.contains(where: { $0.name.caseInsensitiveCompare("Content-Type") == .orderedSame }) {
            lines.append("Content-Type:")  // curl would otherwise claim a form (application/x-www-form-urlencoded)
        }
        for line in lines {
            guard let appended = curl_slist_append(headerList, line) else { throw .invalidRequest("out of memory for headers") }
            headerList = appended
        }
        try check(ccurl_easy_setopt_slist(easy, CURLOPT_HTTPHEADER, headerList), "headers")
    }

    private func configureAuth(_ auth: HTTPAuth?) throws(HTTPTransportError) {
        switch auth {
        case let .basic(user, password):
            try set(CURLOPT_HTTPAUTH, ccurl_auth_basic())
            try set(CURLOPT_USERNAME, user)
            try set(CURLOPT_PASSWORD, password)
        case let .ntlm(user, password):
            try set(CURLOPT_HTTPAUTH, ccurl_auth_ntlm())
            try set(CURLOPT_USERNAME, user)
            try set(CURLOPT_PASSWORD, password)
        case .bearer, nil: break
        }
    }

    private func set(_ option: CURLoption, _ value: String) throws(HTTPTransportError) {
        try check(ccurl_easy_setopt_string(easy, option, value), "option \(option.rawValue)")
    }

    private func set(_ option: CURLoption, _ value: Int) throws(HTTPTransportError) {
        try check(ccurl_easy_setopt_long(easy, option, value), "option \(option.rawValue)")
    }

    private func set(_ option: CURLoption, offset: curl_off_t) throws(HTTPTransportError) {
        try check(ccurl_easy_setopt_off(easy, option, offset), "option \(option.rawValue)")
    }

    private func set(_ option: CURLoption, pointer: UnsafeMutableRawPointer) throws(HTTPTransportError) {
        try check(ccurl_easy_setopt_pointer(easy, option, pointer), "option \(option.rawValue)")
    }

    private func check(_ code: CURLcode, _ what: String) throws(HTTPTransportError) {
        guard code == CURLE_OK else {
            throw .invalidRequest("\(what): \(String(cString: curl_easy_strerror(code)))")
        }
    }
}
