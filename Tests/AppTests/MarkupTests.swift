@testable import App
import Plot
import Testing

/// The pages' element functions (`H`, `Attr`): what they write, checked
/// against markup written out by hand.
@Suite struct MarkupTests {
    @Test func attributeValuesAreEscapedAndTextStaysText() {
        let html = H.span([.class("a\"><script>x</script>"), .data("label", "甲'乙&丙"), .ariaLabel("<b>")], [.text("<i>任务</i>")]).render()
        #expect(html == "<span class=\"a&quot;&gt;&lt;script&gt;x&lt;/script&gt;\" data-label=\"甲&#39;乙&amp;丙\" aria-label=\"&lt;b&gt;\">&lt;i&gt;任务&lt;/i&gt;</span>")
    }

    @Test func flagsAreWrittenOnlyWhenOnAndAbsentValuesLeaveNoAttribute() {
        #expect(H.input([.type("checkbox"), .name("complete"), .checked(true), .required(false)]).render()
            == "<input type=\"checkbox\" name=\"complete\" checked=\"checked\"/>")
        #expect(H.input([.type("checkbox"), .checked(false), .class(nil)]).render() == "<input type=\"checkbox\"/>")
        #expect(H.textarea([.name("reason"), .rows(2), .minlength(2), .maxlength(500)], []).render()
            == "<textarea name=\"reason\" rows=\"2\" minlength=\"2\" maxlength=\"500\"></textarea>")
    }

    @Test func theHelpersBuildTheSameElements() {
        #expect(H.paragraph("说明", class: "hint").render() == "<p class=\"hint\">说明</p>")
        #expect(H.heading(2, "下级汇总").render() == "<h2>下级汇总</h2>")
        #expect(H.select("profile", options: [("linear", "按全年均匀"), ("seasonal", "按上年各月分布")], selected: "seasonal").render()
            == "<select name=\"profile\"><option value=\"linear\">按全年均匀</option><option value=\"seasonal\" selected=\"selected\">按上年各月分布</option></select>")
        #expect(H.getForm("/plans", [H.hidden("year", "2025")]).render()
            == "<form action=\"/plans\" method=\"get\"><input type=\"hidden\" name=\"year\" value=\"2025\"/></form>")
        #expect(H.div(class: "stat", [H.span([.text("年度目标")]), H.strong([.data("field", "target")], [.text("10家")])]).render()
            == "<div class=\"stat\"><span>年度目标</span><strong data-field=\"target\">10家</strong></div>")
    }
}
