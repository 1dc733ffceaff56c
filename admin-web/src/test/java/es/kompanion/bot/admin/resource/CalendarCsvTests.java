package es.kompanion.bot.admin.resource;

import java.util.List;

import org.junit.jupiter.api.Test;

import es.kompanion.bot.admin.web.CsvReader;
import es.kompanion.bot.admin.web.CsvReader.Line;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Calendar files as spreadsheets save them.
 */
class CalendarCsvTests {

	@Test
	void readsQuotedFieldsWithSeparatorsQuotesAndLineBreaks() {
		String text = "fecha,modelo,titulo_es\r\n2027-04-20,\"Modelo 303\",\"IVA, \"\"1T\"\"\nsegunda línea\"\r\n"
				+ "\r\n2027-07-20, Modelo 130 ,IRPF\n";

		List<Line> records = CsvReader.read(text, ',');

		assertThat(records).extracting(Line::number, Line::cells)
			.containsExactly(tuple(1, List.of("fecha", "modelo", "titulo_es")),
					tuple(2, List.of("2027-04-20", "Modelo 303", "IVA, \"1T\"\nsegunda línea")),
					tuple(5, List.of("2027-07-20", "Modelo 130", "IRPF")));
	}

	@Test
	void picksTheSemicolonWhenTheHeaderUsesIt() {
		assertThat(CsvReader.separatorOf("fecha;modelo;titulo_es;titulo_en;aplica_a\n1,2")).isEqualTo(';');
		assertThat(CsvReader.separatorOf("fecha,modelo,titulo_es,titulo_en,aplica_a")).isEqualTo(',');
	}

	@Test
	void namesTheLineOfAQuoteNeverClosed() {
		String text = "fecha,modelo\n2027-04-20,ok\n2027-07-20,\"sin cerrar\n";

		assertThatExceptionOfType(CsvReader.MalformedCsvException.class).isThrownBy(() -> CsvReader.read(text, ','))
			.satisfies((ex) -> assertThat(ex.getLine()).isEqualTo(3));
	}

	@Test
	void refusesTextAfterAClosingQuote() {
		assertThatExceptionOfType(CsvReader.MalformedCsvException.class)
			.isThrownBy(() -> CsvReader.read("a,\"b\"c\n", ','));
	}

	@Test
	void matchesHeaderNamesWithAccentsAndCapitals() {
		assertThat(CalendarImport.simplify(" Título ES ")).isEqualTo("titulo_es");
		assertThat(CalendarImport.simplify("Aplica-a")).isEqualTo("aplica_a");
	}

}
