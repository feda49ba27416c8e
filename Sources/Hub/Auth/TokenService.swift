import Crypto
import Foundation
import HubCore

/// Creates, verifies and revokes bearer tokens; only SHA-256 hashes are stored (SEC-2).
final class TokenService: Sendable {
    private let repository: any TokenRepository
    private let clock: HubClock
    private let cache = LockedDictionary<String, TokenRecord>()

    init(repository: any TokenRepository, clock: HubClock) {
        self.repository = repository
        self.clock = clock
    }

    /// Creates a token and returns the secret, shown once.
    func create(tenant: TenantID?, role: TokenRole, user: UserID?, name: String) throws -> (record: TokenRecord, secret: String) {
        var random = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &random) }
        let secret = "hub_" + bytes.map { String(format: "%02x", $0) }.joined()
        let id = "tok_" + bytes.prefix(6).map { String(format: "%02x", $0) }.joined()
        let record = TokenRecord(
            id: id, hash: Self.hash(secret), tenant: tenant, role: role, user: user, name: name,
            createdAt: clock.now(), revokedAt: nil)
        try repository.insert(record)
        return (record, secret)
    }

    /// The principal a presented secret stands for, or nil if unknown or revoked.
    func verify(_ secret: String) throws -> Principal? {
        let hash = Self.hash(secret)
        let record: TokenRecord?
        if let cached = cache[hash] {
            record = cached
        } else {
            record = try repository.token(hash: hash)
            if let record { cache[hash] = record }
        }
        guard let record, record.revokedAt == nil else { return nil }
        return Principal(tokenID: record.id, tenant: record.tenant, role: record.role, user: record.user)
    }

    /// Revokes the token with `id`; it stops working at once.
    func revoke(id: String) throws -> Bool {
        let revoked = try repository.revoke(id: id, at: clock.now())
        cache.removeAll { $0.id == id }
        return revoked
    }

    /// Tokens of a tenant (or the hub-wide ones for nil), without secrets.
    func list(tenant: TenantID?) throws -> [TokenRecord] { try repository.tokens(tenant: tenant) }

    static func hash(_ secret: String) -> String {
        SHA256.hash(data: Data(secret.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
