import Foundation
import HubCore

/// Reads a secret given either inline (`password = "…"`) or by environment variable name
/// (`password_env = "KANNEL_PASSWORD"`), so instance files need not hold credentials.
enum SecretSetting {
    /// The secret from `value` or the variable `variable` names; both set, or a named variable that is
    /// unset or empty, is a configuration error naming the keys.
    static func resolve(
        value: String?, variable: String?, key: String, environment: [String: String]
    ) throws(PluginError) -> String? {
        switch (value, variable) {
        case (nil, nil): return nil
        case let (value?, nil): return value
        case let (nil, name?):
            guard let secret = environment[name], !secret.isEmpty else {
                throw .misconfigured("settings.\(key)_env: environment variable '\(name)' is not set")
            }
            return secret
        case (_?, _?): throw .misconfigured("settings.\(key): give \(key) or \(key)_env, not both")
        }
    }
}
