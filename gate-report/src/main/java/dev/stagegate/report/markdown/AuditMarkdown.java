package dev.stagegate.report.markdown;

import dev.stagegate.report.AuditReport;
import dev.stagegate.report.EngineInfo;
import dev.stagegate.report.GateResult;
import dev.stagegate.report.checklist.ChecklistFiller;
import dev.stagegate.report.text.MarkdownDocument;
import dev.stagegate.report.text.MarkdownText;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders an {@link AuditReport} as {@code stability_audit.md}: the overall verdict and its reasons
 * first, a table of gates, the change summary and risk assessment when the report has them, then
 * per gate its checks, raw outputs, services with their resource usage, healthchecks, log findings
 * and last log lines.
 *
 * <p>Everything taken from the report is treated as hostile (containers print what they like): it
 * goes through {@link MarkdownText}, so no log line can close a code block, inject HTML, break a
 * table or restyle the page.
 *
 * <p>The audit is a list of {@link AuditSection}s followed by, for each gate, a {@code ## Gate:}
 * heading and a list of {@link GateSection}s; further sections are added with {@link
 * #withReportSection} and {@link #withGateSection}, or a different selection built with the
 * constructor.
 *
 * <pre>{@code
 * String markdown = AuditMarkdown.standard().render(report);
 * }</pre>
 */
public final class AuditMarkdown {
  private final List<AuditSection> reportSections;
  private final List<GateSection> gateSections;
  private final ChecklistFiller checklists;

  /**
   * An audit made of the given sections.
   *
   * @param reportSections rendered in order at the top
   * @param gateSections rendered in order under each gate's heading
   */
  public AuditMarkdown(List<AuditSection> reportSections, List<GateSection> gateSections) {
    this(reportSections, gateSections, ChecklistFiller.NONE);
  }

  private AuditMarkdown(
      List<AuditSection> reportSections,
      List<GateSection> gateSections,
      ChecklistFiller checklists) {
    this.reportSections = List.copyOf(reportSections);
    this.gateSections = List.copyOf(gateSections);
    this.checklists = checklists;
  }

  /** The audit as stagegate writes it. */
  public static AuditMarkdown standard() {
    return new AuditMarkdown(standardReportSections(), standardGateSections());
  }

  /**
   * The first screen, which decides: title, verdict with reasons, and what is approved (repository,
   * branch, commit, images, burn-in requested and actual, risk, checklist counts). Then the table
   * of gates, the images tested, the deploy checklists, the change summary and the risk assessment.
   */
  public static List<AuditSection> standardReportSections() {
    return List.of(
        new VerdictSection(),
        new ApprovedSection(),
        new GateSummarySection(),
        new ImagesSection(),
        new DeployChecklistSection(),
        new ChangeSummarySection(),
        new RiskAssessmentSection());
  }

  /**
   * Overview and failures, checks with raw output, services with their resource usage,
   * healthchecks, log findings, last log lines.
   */
  public static List<GateSection> standardGateSections() {
    return List.of(
        new GateOverviewSection(),
        new BurnInSection(),
        new LoadSection(),
        new BaselineSection(),
        new ChecksSection(),
        new ServicesSection(),
        new HealthchecksSection(),
        new LogFindingsSection(),
        new LogTailSection());
  }

  /** This audit with one more report-level section, after the others. */
  public AuditMarkdown withReportSection(AuditSection section) {
    List<AuditSection> sections = new ArrayList<>(reportSections);
    sections.add(section);
    return new AuditMarkdown(sections, gateSections, checklists);
  }

  /** This audit with one more section in every gate, after the others. */
  public AuditMarkdown withGateSection(GateSection section) {
    List<GateSection> sections = new ArrayList<>(gateSections);
    sections.add(section);
    return new AuditMarkdown(reportSections, sections, checklists);
  }

  /**
   * This audit with the deploy checklists {@code filler} fills when it renders (the standard audit
   * has none: {@link ChecklistFiller#NONE}, and says so). gate-deploy's {@code DeployFacts} fills
   * them from the evidence; for {@link dev.stagegate.report.writer.AuditFiles#write(AuditReport,
   * java.nio.file.Path, AuditMarkdown)}:
   *
   * <pre>{@code
   * AuditFiles.write(report, dir, AuditMarkdown.standard().withChecklists(DeployFacts.none()));
   * }</pre>
   */
  public AuditMarkdown withChecklists(ChecklistFiller filler) {
    if (filler == null) {
      throw new IllegalArgumentException(
          "filler must not be null (use DeployFacts.none() or ChecklistFiller.NONE)");
    }
    List<AuditSection> sections = new ArrayList<>();
    for (AuditSection section : reportSections) {
      if (section instanceof DeployChecklistSection d) {
        sections.add(d.withChecklists(filler));
      } else if (section instanceof ApprovedSection a) {
        sections.add(a.withChecklists(filler));
      } else {
        sections.add(section);
      }
    }
    return new AuditMarkdown(sections, gateSections, filler);
  }

  /**
   * What fills the checklists ({@link ChecklistFiller#NONE} unless {@link #withChecklists} gave
   * another): the JSON twin writes the same checklist states.
   */
  public ChecklistFiller checklists() {
    return checklists;
  }

  /** The report as Markdown with the deploy checklists {@code filler} fills. */
  public String render(AuditReport report, ChecklistFiller filler) {
    return withChecklists(filler).render(report);
  }

  /** The report as Markdown (CommonMark with GFM tables), ending in a newline. */
  public String render(AuditReport report) {
    MarkdownDocument doc = new MarkdownDocument();
    for (AuditSection section : reportSections) {
      section.render(report, doc);
    }
    List<GateSection> perGate = perGate(report);
    for (GateResult gate : report.gates()) {
      doc.heading(2, "Gate: " + gate.id());
      for (GateSection section : perGate) {
        section.render(gate, doc);
      }
    }
    return doc.toString();
  }

  /**
   * The gate sections for this report: when the table of gates names the one engine every gate ran
   * on, the gates' overviews leave it out.
   */
  private List<GateSection> perGate(AuditReport report) {
    EngineInfo shared =
        reportSections.stream().anyMatch(GateSummarySection.class::isInstance)
            ? GateSummarySection.sharedEngine(report)
            : null;
    if (shared == null) {
      return gateSections;
    }
    List<GateSection> sections = new ArrayList<>();
    for (GateSection section : gateSections) {
      sections.add(section instanceof GateOverviewSection o ? o.withSharedEngine(shared) : section);
    }
    return sections;
  }
}
