import Foundation
import HubCore
import HubPluginSupport
import Logging

/// Sends one SOAP request on behalf of a mailbox and classifies the answer.
///
/// Every request carries `X-AnchorMailbox` (Microsoft: always set it with impersonation, or expect
/// 500/503 at times). ErrorServerBusy (as a response message or a SOAP fault) and HTTP 503 become
/// ``CalendarSourceError/throttled(retryAfter:_:)`` with BackOffMilliseconds, so the engine holds back
/// every mailbox of the server.
struct EWSExchange: Sendable {
    let transport: any HTTPTransport
    let settings: CalendarEWSPlugin.Settings
    let counters: EWSCounters

    /// EWS codes meaning the mailbox does not exist.
    static let notFoundCodes: Set<String> = [
        "ErrorNonExistentMailbox", "ErrorMailRecipientNotFound", "ErrorInvalidSmtpAddress", "ErrorFolderNotFound",
    ]
    /// EWS codes meaning the service account may not read the mailbox.
    static let deniedCodes: Set<String> = [
        "ErrorImpersonateUserDenied", "ErrorImpersonationDenied", "ErrorAccessDenied", "ErrorImpersonationFailed",
    ]
    /// EWS codes meaning "try again later".
    static let busyCodes: Set<String> = [
        "ErrorServerBusy", "ErrorExceededConnectionCount", "ErrorTooManyObjectsOpened", "ErrorInternalServerTransientError",
        "ErrorMailboxStoreUnavailable", "ErrorMailboxMoveInProgress",
    ]

    /// The parsed answer to `body`, sent on behalf of `mailbox`.
    func send(_ body: Data, mailbox: String) async throws(CalendarSourceError) -> EWSResponse {
        let request = HTTPRequest(
            method: "POST", url: settings.url,
            headers: [
                HTTPField("Content-Type", "text/xml; charset=utf-8"), HTTPField("Accept", "text/xml"),
                HTTPField("X-AnchorMailbox", mailbox),
            ],
            body: body, auth: settings.httpAuth, timeout: settings.requestTimeout.duration)
        let response: HTTPResponse
        do { response = try await transport.send(request) } catch { throw .unavailable("\(error)") }
        counters.update { $0.requests += 1 }
        if response.status == 401 { throw .accessDenied("Exchange refused the service account (HTTP 401)") }
        let parsed: EWSResponse
        do { parsed = try EWSResponseParser.parse(response.body) } catch {
            if response.status == 503 { throw throttled(code: "HTTP 503", backOff: nil) }
            if response.status != 200 { throw .unavailable("HTTP \(response.status)") }
            throw .invalidResponse("\(error)")
        }
        if let fault = parsed.fault {
            throw classify(code: fault.responseCode ?? fault.code, text: fault.text, backOff: fault.backOffMilliseconds)
        }
        if response.status == 503 { throw throttled(code: "HTTP 503", backOff: nil) }
        guard response.status == 200 else { throw .unavailable("HTTP \(response.status)") }
        if parsed.messages.count == 1, let failed = parsed.messages.first, failed.responseClass == "Error" {
            let code = failed.responseCode ?? "Error"
            throw classify(code: code, text: failed.messageText ?? code, backOff: failed.backOffMilliseconds)
        }
        return parsed
    }

    private func classify(code: String, text: String, backOff: Int?) -> CalendarSourceError {
        if Self.busyCodes.contains(code) { return throttled(code: code, backOff: backOff) }
        if Self.notFoundCodes.contains(code) { return .mailboxNotFound("\(code): \(text)") }
        if Self.deniedCodes.contains(code) { return .accessDenied("\(code): \(text)") }
        return .invalidResponse("\(code): \(text)")
    }

    private func throttled(code: String, backOff: Int?) -> CalendarSourceError {
        counters.update { $0.throttled += 1 }
        return .throttled(retryAfter: backOff.map { .milliseconds($0) }, code)
    }
}
