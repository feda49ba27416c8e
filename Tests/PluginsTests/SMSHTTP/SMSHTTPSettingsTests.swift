import Foundation
import HubCore
import HubPluginSupport
import HubPluginTesting
import SMSHTTPPlugin
import Testing

@Suite("SMSHTTP settings")
struct SMSHTTPSettingsTests {
    func kannel(_ json: String, environment: [String: String] = [:]) throws -> KannelSMSPlugin {
        let settings = try DictionarySettingsSource(json: json).decode(KannelSMSPlugin.Settings.self)
        return try KannelSMSPlugin(settings: settings, context: .testing(), transport: nil, environment: environment)
    }

    func http(_ json: String, environment: [String: String] = [:]) throws -> HTTPSMSPlugin {
        let settings = try DictionarySettingsSource(json: json).decode(HTTPSMSPlugin.Settings.self)
        return try HTTPSMSPlugin(settings: settings, context: .testing(), transport: nil, environment: environment)
    }

    func expectMisconfigured(_ message: String, _ body: () throws -> Void) {
        do {
            try body()
            Issue.record("no error; expected \(message)")
        } catch let PluginError.misconfigured(text) {
            #expect(text.hasPrefix(message), "\(text)")
        } catch {
            Issue.record("got \(error)")
        }
    }

    @Test("sms_kannel: every key decodes; defaults match the sample")
    func kannelKeys() throws {
        let plugin = try kannel(#"""
            {"sendsms_url":"http://10.0.0.5:13013/cgi-bin/sendsms","username":"hub","password_env":"PW","method":"post",
             "dlr_mask":3,"listen":"127.0.0.1:0","callback_url":"http://hub:1/","callback_token":"t","smsc":"A",
             "max_parts":3,"request_timeout":"5s","max_in_flight":2}
            """#, environment: ["PW": "secret"])
        #expect(plugin.settings.method == "post" && plugin.settings.dlrMask == 3 && plugin.settings.maxParts == 3)
        #expect(KannelSMSPlugin.factory.settingsKeys.count == 14)
        let defaults = try kannel(#"{"username":"hub","password":"x","listen":"127.0.0.1:0"}"#).settings
        #expect(defaults == KannelSMSPlugin.Settings(username: "hub", password: "x", listen: "127.0.0.1:0"))
        for line in ["# dlr_mask = 31", "# max_parts = 5", "# request_timeout = \"10s\"", "# max_in_flight = 4", "# method = \"GET\"",
                     "# sendsms_url = \"http://127.0.0.1:13013/cgi-bin/sendsms\""] {
            #expect(KannelSMSPlugin.sampleConfig.contains(line), "\(line)")
        }
    }

    @Test("sms_kannel: bad values name the key", arguments: [
        (#"{"username":"","password":"x","dlr_mask":0}"#, "settings.username: must not be empty"),
        (#"{"username":"hub","dlr_mask":0}"#, "settings.password: give password or password_env"),
        (#"{"username":"hub","password":"x","password_env":"PW","dlr_mask":0}"#, "settings.password: give password or password_env, not both"),
        (#"{"username":"hub","password_env":"NOPE","dlr_mask":0}"#, "settings.password_env: environment variable 'NOPE' is not set"),
        (#"{"username":"hub","password":"x","sendsms_url":"ftp://x/y","dlr_mask":0}"#, "settings.sendsms_url:"),
        (#"{"username":"hub","password":"x","method":"PUT","dlr_mask":0}"#, "settings.method: 'PUT' is not GET or POST"),
        (#"{"username":"hub","password":"x","dlr_mask":32,"listen":"127.0.0.1:1"}"#, "settings.dlr_mask: must be between 0 and 31"),
        (#"{"username":"hub","password":"x"}"#, "settings.dlr_mask: delivery reports need settings.listen"),
        (#"{"username":"hub","password":"x","listen":"localhost"}"#, "settings.listen: 'localhost' is not host:port"),
        (#"{"username":"hub","password":"x","listen":"127.0.0.1:99999"}"#, "settings.listen:"),
        (#"{"username":"hub","password":"x","dlr_mask":0,"callback_url":"http://x"}"#, "settings.callback_url: needs settings.listen"),
        (#"{"username":"hub","password":"x","dlr_mask":0,"max_parts":0}"#, "settings.max_parts: must be between 1 and 255"),
        (#"{"username":"hub","password":"x","dlr_mask":0,"request_timeout":"10m"}"#, "settings.request_timeout: must be between 1s and 5m"),
        (#"{"username":"hub","password":"x","dlr_mask":0,"max_in_flight":0}"#, "settings.max_in_flight: must be between 1 and 64"),
    ])
    func kannelInvalid(json: String, message: String) {
        expectMisconfigured(message) { _ = try kannel(json) }
    }

    @Test("sms_http: a preset needs only credentials; unknown placeholders and invalid JSON bodies are refused", arguments: [
        (#"{"preset":"46elks","username":"u"}"#, "settings.password: required for auth = \"basic\""),
        (#"{"preset":"sinch","variables":{"region":"eu","service_plan_id":"p"}}"#, "settings.token: required for auth = \"bearer\""),
        (#"{"preset":"sinch","token":"t"}"#, "settings.url: unknown placeholder {region}"),
        (#"{"preset":"mystery"}"#, "settings.preset: 'mystery' is not one of 46elks, sinch, twilio"),
        (#"{"url":"https://x/{nope}","form":{"a":"{to}"}}"#, "settings.url: unknown placeholder {nope}"),
        (#"{"url":"https://x/","form":{"a":"{to}"},"headers":{"X":"{secret}"}}"#, "settings.headers: unknown placeholder {secret}"),
        (#"{"url":"https://x/","format":"json","body":"{\"to\": {to}}"}"#, "settings.body: is not valid JSON"),
        (#"{"url":"https://x/","format":"json"}"#, "settings.body: format json needs a body template"),
        (#"{"url":"https://x/","format":"xml","body":"x"}"#, "settings.format: 'xml' is not form, query, json or text"),
        (#"{"url":"{to}","form":{"a":"b"}}"#, "settings.url: '{to}' is not an http(s) URL"),
        (#"{"form":{"a":"b"}}"#, "settings.url: required"),
        (#"{"url":"https://x/","form":{"a":"b"},"auth":"digest"}"#, "settings.auth: 'digest' is not none, basic or bearer"),
        (#"{"url":"https://x/","form":{"a":"b"},"success_status":[200],"retry_status":[200]}"#, "settings.retry_status: 200 is also a success status"),
        (#"{"url":"https://x/","form":{"a":"b"},"success_status":[700]}"#, "settings.success_status: 700 is not an HTTP status"),
        (#"{"url":"https://x/","form":{"a":"b"},"id_regex":"(("}"#, "settings.id_regex:"),
        (#"{"url":"https://x/","form":{"a":"b"},"dlr_reference_field":"id","dlr_status_field":"s"}"#, "settings.dlr_reference_field: needs id_json_path or id_regex"),
        (#"{"url":"https://x/","form":{"a":"b"},"variables":{"to":"x"}}"#, "settings.variables: 'to' is a built-in placeholder"),
        (#"{"url":"https://x/","form":{"a":"b"},"mo_from_field":"f"}"#, "settings.mo_from_field: give mo_from_field, mo_to_field and mo_text_field together"),
    ])
    func httpInvalid(json: String, message: String) {
        expectMisconfigured(message) { _ = try http(json) }
    }

    @Test("sms_http: presets and hand-written gateways that are valid")
    func httpValid() throws {
        _ = try http(#"{"preset":"46elks","username":"u","password":"p","listen":"127.0.0.1:0"}"#)
        _ = try http(#"{"preset":"sinch","token_env":"T","variables":{"region":"eu","service_plan_id":"p"}}"#, environment: ["T": "tok"])
        _ = try http(#"{"preset":"twilio","username":"AC1","password":"p","variables":{"account_sid":"AC1"}}"#)
        _ = try http(#"{"url":"https://gw.example/send","format":"query","form":{"to":"{to_digits}","msg":"{text}"},"id_regex":"ID:(\\w+)","dlr_reference_field":"msgid","dlr_status_field":"st","listen":"127.0.0.1:0"}"#)
        #expect(HTTPSMSPlugin.factory.settingsKeys.count == 35)
    }
}
