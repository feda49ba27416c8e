import Foundation
import HTTPTypes
import HubCore
import Hummingbird

/// Sending SMS and e-mail through the outbox, and reading message status and usage (MSG-2, MSG-3).
enum MessageRoutes {
    static let base = "/api/v1/tenants/{tenant}/messages"

    static func register(_ routes: RouteTable, _ services: HubServices) {
        let outbox = services.outbox
        let composer = MessageComposer(engine: services.engine, settings: outbox.settings)
        routes.add(.post, base + "/sms") { request, context in
            let (tenant, principal) = try Access.tenant(context)
            try requireSender(principal)
            let key = try idempotencyKey(request)
            let body = try await APIJSON.body(SMSBody.self, request, context: context, allowed: SMSBody.fields)
            let message = try await composer.sms(
                tenant: tenant, to: body.to, from: body.from, text: body.text, deliveryReport: body.deliveryReport ?? true,
                senderUser: principal.user, idempotencyKey: key)
            return try await accept(message, outbox)
        }
        routes.add(.post, base + "/email") { request, context in
            let (tenant, principal) = try Access.tenant(context)
            try requireSender(principal)
            let key = try idempotencyKey(request)
            let body = try await APIJSON.body(EmailBody.self, request, context: context, allowed: EmailBody.fields)
            let email = EmailContent(
                from: body.from ?? "", to: body.to, subject: body.subject, text: body.text ?? "", html: body.html,
                attachments: body.attachments ?? [])
            let message = try await composer.email(
                tenant: tenant, email, fromGiven: body.from != nil, senderUser: principal.user, idempotencyKey: key)
            return try await accept(message, outbox)
        }
        routes.add(.get, base) { request, context in
            let (tenant, principal) = try Access.tenant(context)
            let limit = try DirectoryRoutes.limit(request, default: 100)
            var status: MessageStatus?
            if let text = request.uri.queryParameters.get("status") {
                guard let value = MessageStatus(rawValue: text) else {
                    throw APIError.badRequest("$.status", "'\(text)' is not one of " + MessageStatus.allCases.map(\.rawValue).joined(separator: ", "))
                }
                status = value
            }
            var before: Int64?
            if let text = request.uri.queryParameters.get("before") {
                guard let value = Int64(text) else { throw APIError.badRequest("$.before", "must be the `next` value of the previous page") }
                before = value
            }
            // A user token sees only the messages it sent.
            let sender = principal.role == .user ? principal.user : nil
            let rows = try outbox.repository.list(tenant: tenant, status: status, senderUser: sender, before: before, limit: limit)
            let next = rows.count == limit ? rows.last.map { String($0.rowID) } : nil
            return try APIJSON.response(MessagePage(messages: rows.map { MessageView($0.record) }, next: next))
        }
        routes.add(.get, base + "/usage") { request, context in
            let (tenant, principal) = try Access.tenant(context)
            try Access.require(principal, anyOf: [.reporting, .supervisor], to: "read message usage")
            let month = request.uri.queryParameters.get("month").map { String($0) }
            if let month, !UsageMonth.isValid(month) { throw APIError.badRequest("$.month", "expected a month such as 2026-11") }
            return try APIJSON.response(UsageView(tenant: tenant, months: try outbox.repository.usage(tenant: tenant, month: month)))
        }
        routes.add(.get, base + "/{message}") { _, context in
            let (tenant, principal) = try Access.tenant(context)
            let raw = try context.parameters.require("message")
            let record: MessageRecord
            do { record = try await outbox.message(tenant: tenant, id: MessageID(raw)) } catch { throw apiError(any: error) }
            if principal.role == .user, record.senderUser != principal.user { throw APIError.notFound("no message '\(raw)'") }
            return try APIJSON.response(MessageView(record))
        }
        MessageSenderRuleRoutes.register(routes, services)
    }

    /// Every role but reporting may send; a user's messages are theirs.
    static func requireSender(_ principal: Principal) throws {
        try Access.require(principal, anyOf: [.user, .service, .supervisor, .operator], to: "send messages")
    }

    /// The `Idempotency-Key` header: 1–200 visible ASCII characters.
    static func idempotencyKey(_ request: Request) throws -> String? {
        guard let name = HTTPField.Name("Idempotency-Key"), let key = request.headers[name] else { return nil }
        guard (1...200).contains(key.utf8.count), key.utf8.allSatisfy({ (0x21...0x7E).contains($0) }) else {
            throw APIError.badRequest("Idempotency-Key", "must be 1 to 200 visible ASCII characters")
        }
        return key
    }

    static func accept(_ message: MessageRequest, _ outbox: Outbox) async throws -> Response {
        let result: (id: MessageID, replayed: Bool)
        do { result = try await outbox.accept(message) } catch { throw apiError(any: error) }
        let record = try? await outbox.message(tenant: message.tenant, id: result.id)
        var response = try APIJSON.response(
            AcceptedMessage(id: result.id, status: record?.status ?? .queued, replayed: result.replayed), status: .accepted)
        response.headers[.location] = "/api/v1/tenants/\(message.tenant)/messages/\(result.id)"
        return response
    }

    /// An outbox error in its HTTP form; other errors unchanged.
    static func apiError(any error: any Error) -> any Error {
        guard let error = error as? OutboxError else { return error }
        return apiError(error)
    }

    static func apiError(_ error: OutboxError) -> APIError {
        switch error {
        case .idempotencyKeyReused:
            APIError(status: .unprocessableContent, code: "idempotency_key_reused", message: error.description,
                     issues: [.init(path: "Idempotency-Key", reason: error.description)])
        case .unknownMessage: APIError.notFound(error.description)
        case .storage: APIError(status: .serviceUnavailable, code: "storage_unavailable", message: error.description)
        }
    }

    struct SMSBody: Decodable {
        static let fields: Set<String> = ["to", "from", "text", "deliveryReport"]
        var to: String
        var from: String?
        var text: String
        var deliveryReport: Bool?
    }

    struct EmailBody: Decodable {
        static let fields: Set<String> = ["to", "from", "subject", "text", "html", "attachments"]
        var to: [String]
        var from: String?
        var subject: String
        var text: String?
        var html: String?
        var attachments: [EmailAttachment]?
    }

    struct UsageView: Encodable {
        var tenant: TenantID
        var months: [MessageUsage]
    }
}
