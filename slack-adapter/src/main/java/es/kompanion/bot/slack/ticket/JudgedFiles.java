package es.kompanion.bot.slack.ticket;

import java.util.ArrayList;
import java.util.List;

import es.kompanion.bot.file.FilePolicy;
import es.kompanion.bot.file.FilePolicy.Verdict;
import es.kompanion.bot.ticket.IncomingFile;

/**
 * The files staff shared with a reply, split by the firm's file policy into those that go
 * to the client and those that do not.
 */
record JudgedFiles(List<IncomingFile> accepted, List<Refusal> refused) {

	static JudgedFiles judge(List<SharedFile> files, FilePolicy policy) {
		List<IncomingFile> accepted = new ArrayList<>();
		List<Refusal> refused = new ArrayList<>();
		for (SharedFile file : files) {
			if (file.isUndescribed()) {
				// Judged once files.info says what it is, before anything is downloaded.
				accepted.add(file.toIncoming());
				continue;
			}
			Verdict verdict = policy.judge(file.name(), file.mediaType(), file.size());
			if (verdict == Verdict.ACCEPTED) {
				accepted.add(file.toIncoming());
			}
			else {
				refused.add(new Refusal(file.name(), verdict));
			}
		}
		return new JudgedFiles(List.copyOf(accepted), List.copyOf(refused));
	}

	/**
	 * A file kept from the client, and why.
	 */
	record Refusal(String fileName, Verdict verdict) {

	}

}
