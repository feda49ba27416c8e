/// How a plugin classifies a failure; the runtime decides what to do about it.
public enum PluginError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Permanent: the configuration is wrong; the instance is not restarted until its file changes.
    case misconfigured(String)
    /// Transient: the peer is down or the connection broke; retried with capped backoff.
    case unavailable(String)
    /// Credentials were refused; retried slowly and shown as needing an operator.
    case authenticationFailed(String)

    public var description: String {
        switch self {
        case let .misconfigured(message): "misconfigured: \(message)"
        case let .unavailable(message): "unavailable: \(message)"
        case let .authenticationFailed(message): "authentication failed: \(message)"
        }
    }
}
