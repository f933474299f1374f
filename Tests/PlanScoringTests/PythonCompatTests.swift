import Foundation
import Testing
@testable import PlanScoring
import PlanText

/// The Python behaviours the scorer port depends on. Expected values are what
/// Python 3.11 prints for the same expressions.
@Suite struct PythonCompatTests {
    @Test func roundIsCorrectlyRoundedHalfEven() {
        // round(x, 4) in Python.
        let cases: [(Double, Double)] = [
            (0.03125, 0.0312), (0.00015, 0.0001), (0.12345, 0.1235), (2.0 / 3, 0.6667),
            (0.99995, 1.0), (1.0 / 7, 0.1429), (0.56785, 0.5678), (0.00005, 0.0001),
            (0.93334, 0.9333), (2.5e-05, 0.0), (1.0 / 3, 0.3333),
        ]
        for (x, r) in cases { #expect(PyNumber.round4(x) == r, "round(\(x), 4)") }
        #expect(PyNumber.format("%8.3f", 0.0312) == "   0.031")
        #expect(PyNumber.format("%.4f", 1.0) == "1.0000")
    }

    @Test func floatRepr() {
        let cases: [(Double, String)] = [
            (1e16, "1e+16"), (1e-5, "1e-05"), (0.0001, "0.0001"), (1234567890123456.0, "1234567890123456.0"),
            (0.1 + 0.2, "0.30000000000000004"), (-0.0, "-0.0"), (2023.0, "2023.0"), (1e22, "1e+22"),
            (Double.leastNonzeroMagnitude, "5e-324"), (123456789012345678.0, "1.2345678901234568e+17"), (1.5e-7, "1.5e-07"),
            (0.5, "0.5"), (0.9167, "0.9167"), (1.0, "1.0"), (0.0, "0.0"), (.infinity, "inf"),
        ]
        for (x, text) in cases { #expect(PyNumber.floatRepr(x) == text) }
    }

    @Test func floatOfString() {
        #expect(PyNumber.parseFloat(" 55 ") == 55)
        #expect(PyNumber.parseFloat("５５") == 55)          // Unicode decimal digits
        #expect(PyNumber.parseFloat("١٢") == 12)
        #expect(PyNumber.parseFloat("1_0") == 10)
        #expect(PyNumber.parseFloat("1__0") == nil)
        #expect(PyNumber.parseFloat("_1") == nil)
        #expect(PyNumber.parseFloat("1_") == nil)
        #expect(PyNumber.parseFloat("1e3") == 1000)
        #expect(PyNumber.parseFloat(".5") == 0.5)
        #expect(PyNumber.parseFloat("5.") == 5)
        #expect(PyNumber.parseFloat("-Infinity") == -.infinity)
        #expect(PyNumber.parseFloat("nan")?.isNaN == true)
        #expect(PyNumber.parseFloat("0x10") == nil)
        #expect(PyNumber.parseFloat("abc") == nil)
        #expect(PyNumber.parseFloat("") == nil)
        #expect(PyNumber.parseFloat("55亿") == nil)
    }

    @Test func sameNumber() throws {
        #expect(try Py.sameNumber(.string("５５"), .int(55)))
        #expect(try Py.sameNumber(.bool(true), .double(1)))
        #expect(try Py.sameNumber(.int(100), .double(100.00000001)))   // within 1e-9 relative
        #expect(try !Py.sameNumber(.int(1), .double(1.000000002)))
        #expect(try !Py.sameNumber(.string("nan"), .string("nan")))
        #expect(try !Py.sameNumber(nil, nil))
        #expect(try !Py.sameNumber(.array([.int(1)]), .int(1)))
    }

    @Test func normAndEquality() throws {
        #expect(Py.norm(.string("一/（一） ")) == Py.norm(.string("一/(一)")))
        #expect(Py.norm(.string("ﬁ\u{3000}x\u{2028}")) == PyStr("fix"))
        #expect(Py.norm(.string("a\u{200B}")) == PyStr("a\u{200B}"))   // not whitespace for Python
        #expect(Py.norm(.int(2023)) == PyStr("2023"))
        #expect(Py.norm(.double(2023)) == PyStr("2023.0"))
        #expect(Py.norm(.bool(true)) == PyStr("True"))
        #expect(Py.norm(.null) == nil && Py.norm(nil) == nil)
        #expect(Py.norm(.array([.string("a b"), .int(1)])) == PyStr("['ab',1]"))
        #expect(Py.equal(.int(2023), .double(2023)))
        #expect(Py.equal(.bool(true), .int(1)))
        #expect(!Py.equal(.int(2023), .string("2023")))
        #expect(Py.equal(.null, nil))
        #expect(!Py.equal(.string("e\u{301}"), .string("\u{E9}")))      // code points differ
        #expect(!Py.truthy(.string("")) && !Py.truthy(.int(0)) && Py.truthy(.string(" ")))
    }

    @Test func jsonKeepsWhatPythonSees() throws {
        let v = try JSONValue.parse(#"{"a": 1, "b": 1.0, "c": "1", "a": 2, "d": 123456789012345678901234, "e": NaN}"#)
        #expect(v["a"] == .int(2))                               // last value wins
        guard case .object(let members) = v else { Issue.record("not an object"); return }
        #expect(members.map(\.0) == ["a", "b", "c", "d", "e"])   // first position kept
        #expect(v["b"] == .double(1) && v["c"] == .string("1"))
        #expect(v["d"] == .bigInt("123456789012345678901234"))
        #expect(try JSONValue.parse("1e400") == .double(.infinity))
        #expect(try JSONValue.parse(#""\ud83d\ude00""#) == .string("😀"))
        #expect(throws: JSONValueError.self) { try JSONValue.parse("\u{FEFF}{}") }
        #expect(throws: JSONValueError.self) { try JSONValue.parse("{\"a\": \"x\ny\"}") }
        #expect(throws: JSONValueError.self) { try JSONValue.parse("[1.]") }
        #expect(throws: JSONValueError.self) { try JSONValue.parse("{} x") }
    }

    @Test func pythonJSONDumps() {
        let v = JSONValue.object([("k\"", .array([.int(1), .double(0.5)])), ("e", .object([])), ("n", .null)])
        #expect(PythonJSON.dumps(v, indent: 1) == "{\n \"k\\\"\": [\n  1,\n  0.5\n ],\n \"e\": {},\n \"n\": null\n}")
    }

    @Test func crashesOfScorePyAreErrors() throws {
        // Where score.py raises, the port refuses to score instead of inventing figures.
        let bad = [
            (#"{"nodes": [{"title": "no id"}]}"#, "{}"),                       // KeyError: 'id'
            (#"{"issuers": [null, "a"]}"#, "{}"),                               // None < str
            (#"{"nodes": [{"id": "一", "lead_units": 5}]}"#, "{}"),              // int not iterable
            (#"{"targets": [{"node": null, "value": 1}]}"#, #"{"targets": [3]}"#), // int has no .get
        ]
        for (gold, pred) in bad {
            let input = ScoreInput(name: "x.json", gold: try JSONValue.parse(gold), pred: try JSONValue.parse(pred))
            #expect(throws: ScoreError.self) { try PlanScorer.score([input]) }
        }
    }
}
