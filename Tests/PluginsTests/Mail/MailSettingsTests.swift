import HubCore
import HubPluginSupport
import HubPluginTesting
import MailPlugin
import Testing

@Suite("email_smtp settings")
struct MailSettingsTests {
    static func make(_ settings: [String: Any]) throws -> MailPlugin {
        try #require(try MailPlugin.factory.make(settings: try DictionarySettingsSource(settings), context: .testing()) as? MailPlugin)
    }

    @Test("every key decodes")
    func allKeys() throws {
        let plugin = try Self.make([
            "url": "smtps://mail.example.com:465", "starttls": "try", "username": "u", "password": "p", "helo": "hub.example.com",
            "message_id_domain": "ids.example.com", "timeout": "10s", "verify_certificate": false,
        ])
        #expect(plugin.settings == MailPlugin.Settings(
            url: "smtps://mail.example.com:465", starttls: "try", username: "u", password: "p", helo: "hub.example.com",
            messageIDDomain: "ids.example.com", timeout: DurationSetting(parsing: "10s") ?? .init(.zero), verifyCertificate: false))
    }

    @Test("bad values are refused naming the key", arguments: [
        (["url": "http://mail.example.com"], "settings.url"),
        (["url": "smtp://"], "settings.url"),
        (["url": "smtp://mail.example.com/path"], "settings.url"),
        (["url": "smtp://mail.example.com", "starttls": "maybe"], "settings.starttls"),
        (["url": "smtps://mail.example.com", "starttls": "off"], "settings.starttls"),
        (["url": "smtp://mail.example.com", "username": "u"], "settings.password"),
        (["url": "smtp://mail.example.com", "helo": "bad name"], "settings.helo"),
        (["url": "smtp://mail.example.com", "timeout": "0s"], "settings.timeout"),
        (["url": "smtp://mail.example.com", "ca_file": "/nonexistent/ca.pem"], "settings.ca_file"),
    ] as [([String: String], String)])
    func refuses(_ settings: [String: String], _ key: String) {
        do {
            _ = try Self.make(settings)
            Issue.record("accepted \(settings)")
        } catch let PluginError.misconfigured(message) {
            #expect(message.hasPrefix(key + ":"), "\(message)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test("the Message-ID is the same for every attempt of one outbox message")
    func stableMessageID() {
        #expect(MailPlugin.messageID(MessageID("abc"), domain: "hub.test") == "<abc@hub.test>")
    }
}
