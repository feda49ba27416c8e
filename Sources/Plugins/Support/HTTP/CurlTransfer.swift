import CCurl
import Foundation
import Synchronization

/// One request in flight: its curl easy handle and the response being collected.
///
/// Built on the caller's thread, then owned by the ``CurlMultiLoop`` thread, which alone touches the
/// handle, the buffers and the continuation from then on; only `isCancelled` is shared, behind a mutex.
final class CurlTransfer: @unchecked Sendable {
    let easy: UnsafeMutableRawPointer
    /// Request headers; freed with the handle.
    var headerList: UnsafeMutablePointer<curl_slist>?
    /// curl writes its error message here (CURLOPT_ERRORBUFFER).
    let errorBuffer: UnsafeMutablePointer<CChar>
    private let maxResponseBytes: Int
    private var body = Data()
    private var headers: [HTTPField] = []
    private var exceededLimit = false
    private var released = false
    private let cancelFlag = Mutex(false)
    /// Resumed exactly once, on the loop thread.
    var continuation: CheckedContinuation<Result<HTTPResponse, HTTPTransportError>, Never>?

    /// Whether the caller's task was cancelled.
    var isCancelled: Bool {
        get { cancelFlag.withLock { $0 } }
        set { cancelFlag.withLock { $0 = newValue } }
    }

    init(_ request: HTTPRequest, configuration: CurlHTTPClient.Configuration) throws(HTTPTransportError) {
        CurlGlobal.initialise()
        guard let easy = curl_easy_init() else { throw .invalidRequest("curl_easy_init failed") }
        self.easy = easy
        self.errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
        self.maxResponseBytes = configuration.maxResponseBytes
        do {
            try configure(request, configuration)
        } catch {
            release()
            throw error
        }
    }

    deinit { release() }

    /// Frees the easy handle; the loop calls it after removing the handle from the multi handle.
    func release() {
        guard !released else { return }
        released = true
        curl_easy_cleanup(easy)
        curl_slist_free_all(headerList)
        errorBuffer.deallocate()
    }

    /// Completes the caller's `send` (once).
    func finish(_ result: Result<HTTPResponse, HTTPTransportError>) {
        continuation?.resume(returning: result)
        continuation = nil
    }

    /// The outcome once curl reports the transfer done with `code`.
    func outcome(_ code: CURLcode) -> Result<HTTPResponse, HTTPTransportError> {
        if exceededLimit || code == CURLE_FILESIZE_EXCEEDED {
            return .failure(.responseTooLarge(limit: maxResponseBytes))
        }
        guard code == CURLE_OK else { return .failure(error(for: code)) }
        var status = 0
        _ = ccurl_easy_getinfo_long(easy, CURLINFO_RESPONSE_CODE, &status)
        return .success(HTTPResponse(status: status, headers: headers, body: body))
    }

    private func error(for code: CURLcode) -> HTTPTransportError {
        let detail = String(cString: errorBuffer)
        let reason = detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
        switch code {
        case CURLE_OPERATION_TIMEDOUT: return .timedOut
        case CURLE_URL_MALFORMAT, CURLE_UNSUPPORTED_PROTOCOL: return .invalidRequest(reason)
        default: return .unreachable(reason)
        }
    }

    // MARK: callbacks (loop thread)

    func receiveBody(_ bytes: UnsafeRawBufferPointer) -> Int {
        guard body.count + bytes.count <= maxResponseBytes else {
            exceededLimit = true
            return 0  // makes curl abort the transfer with CURLE_WRITE_ERROR
        }
        body.append(contentsOf: bytes)
        return bytes.count
    }

    func receiveHeaderLine(_ bytes: UnsafeRawBufferPointer) -> Int {
        let line = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if line.hasPrefix("HTTP/") {
            // A new status line starts another response (100 Continue, auth round, redirect): keep the last.
            headers.removeAll()
        } else if let colon = line.firstIndex(of: ":") {
            let name = String(line[..<colon])
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            headers.append(HTTPField(name, value))
        }
        return bytes.count
    }
}
