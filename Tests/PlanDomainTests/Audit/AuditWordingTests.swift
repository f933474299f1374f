import PlanDomain
import Testing

@Suite struct AuditWordingTests {
    @Test func codesReadAsChinese() {
        #expect(AuditWording.action("plan.import") == "导入计划")
        #expect(AuditWording.action("report.return") == "退回报告")
        #expect(AuditWording.action("export.audit") == "导出：审计日志")
        #expect(AuditWording.action("export.something") == "导出")
        #expect(AuditWording.action("base.gdp") == "录入基础数据")
        #expect(AuditWording.action("made.up") == "made.up")
        #expect(AuditWording.action("logout") == "退出登录")
        #expect(AuditWording.action("escalation.run") == "立即运行提醒与督办规则")
        #expect(AuditWording.entity("notification") == "通知")
        #expect(AuditWording.entity("progress_report") == "进展报告")
        #expect(AuditWording.entity("plan") == "计划")
    }

    @Test func aSnapshotReadsAsFieldsInWords() {
        let snapshot = #"{"completion_proposed":"false","milestone":"","narrative":"已完成选址","percent":"40.0","period":"2025-03","self_status":"onTrack","state":"submitted"}"#
        #expect(AuditWording.readable(snapshot) == "报告期：2025-03；状态：已报送；自评：正常；完成百分比：40.0；进展情况：已完成选址；申请办结：否")
        #expect(AuditWording.readable("closed") == "已关闭")
        #expect(AuditWording.readable("2025-03 closed") == "2025-03 closed")
        #expect(AuditWording.readable(nil) == "")
    }
}
