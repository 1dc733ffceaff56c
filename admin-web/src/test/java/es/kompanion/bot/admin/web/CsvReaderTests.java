package es.kompanion.bot.admin.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import es.kompanion.bot.admin.web.CsvReader.Line;
import es.kompanion.bot.admin.web.CsvReader.MalformedCsvException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CsvReaderTests {

	@Test
	void picksTheSeparatorTheHeaderUses() {
		assertThat(CsvReader.separatorOf("email;nombre;empresa\nana@example.com;Ana, la de nóminas;X")).isEqualTo(';');
		assertThat(CsvReader.separatorOf("email,nombre,empresa\n")).isEqualTo(',');
		assertThat(CsvReader.separatorOf("email")).isEqualTo(',');
	}

	@Test
	void readsQuotedSeparatorsQuotesAndLineBreaks() {
		String text = "a,b,c\r\n\"1,5\",\"dice \"\"hola\"\"\",\"dos\nlíneas\"\r\nx,,z";

		List<Line> lines = CsvReader.read(text, ',');

		assertThat(lines).extracting(Line::number).containsExactly(1, 2, 4);
		assertThat(lines.get(1).cells()).containsExactly("1,5", "dice \"hola\"", "dos\nlíneas");
		assertThat(lines.get(2).cells()).containsExactly("x", "", "z");
	}

	@Test
	void leavesOutBlankLinesButCountsThem() {
		List<Line> lines = CsvReader.read("email;nombre\n\n ; \nana@example.com;Ana\n", ';');

		assertThat(lines).extracting(Line::number).containsExactly(1, 4);
		assertThat(lines.get(1).cell(5)).isEmpty();
	}

	@Test
	void namesTheLineOfAQuoteThatIsNeverClosed() {
		assertThatExceptionOfType(MalformedCsvException.class)
			.isThrownBy(() -> CsvReader.read("email,nombre\nana@example.com,\"Ana\nluis@example.com,Luis\n", ','))
			.satisfies((ex) -> assertThat(ex.getLine()).isEqualTo(2));
	}

	@Test
	void refusesTextAfterAClosingQuote() {
		assertThatExceptionOfType(MalformedCsvException.class)
			.isThrownBy(() -> CsvReader.read("a,b\n\"Ana\" Pérez,x\n", ','))
			.satisfies((ex) -> assertThat(ex.getLine()).isEqualTo(2));
	}

}
