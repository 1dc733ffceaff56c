package es.kompanion.bot.admin.satisfaction;

import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import es.kompanion.bot.survey.SurveyLine;
import es.kompanion.bot.user.Department;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The survey export as Spanish Excel reads it, and safe to open whatever clients wrote.
 */
class SurveyCsvTests {

	@Test
	void defusesCellsThatWouldRunAsFormulas() {
		assertThat(SurveyCsv.cell("=1+1")).isEqualTo("'=1+1");
		assertThat(SurveyCsv.cell("+34 600 000 000")).isEqualTo("'+34 600 000 000");
		assertThat(SurveyCsv.cell("-2")).isEqualTo("'-2");
		assertThat(SurveyCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(SurveyCsv.cell("\t=cmd")).isEqualTo("'\t=cmd");
		assertThat(SurveyCsv.cell("Muy bien = rápido")).isEqualTo("Muy bien = rápido");
	}

	@Test
	void quotesCellsWithSeparatorsQuotesOrLineBreaks() {
		assertThat(SurveyCsv.cell("Pérez; Hijos")).isEqualTo("\"Pérez; Hijos\"");
		assertThat(SurveyCsv.cell("dijo \"vale\"")).isEqualTo("\"dijo \"\"vale\"\"\"");
		assertThat(SurveyCsv.cell("línea\notra")).isEqualTo("\"línea\notra\"");
		assertThat(SurveyCsv.cell("=A1;B1")).isEqualTo("\"'=A1;B1\"");
		assertThat(SurveyCsv.cell("Bien, gracias")).isEqualTo("Bien, gracias");
	}

	@Test
	void writesAByteOrderMarkAndDecimalCommas() throws Exception {
		SurveyLine line = new SurveyLine(1042, Department.OTHER, null, 4, null, Instant.parse("2027-01-15T09:05:00Z"),
				Duration.ofSeconds(90), Duration.ofMinutes(135));
		StringWriter out = new StringWriter();

		SurveyCsv.write(List.of(line), List.of("a", "b", "c", "d", "e", "f", "g", "h"), Department::name, out);

		assertThat(out.toString()).isEqualTo("\uFEFFa;b;c;d;e;f;g;h\r\n1042;OTHER;;4;;2027-01-15 10:05;2;2,3\r\n");
	}

}
