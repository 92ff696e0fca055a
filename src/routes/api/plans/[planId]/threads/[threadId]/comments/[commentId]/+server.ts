import type { RequestHandler } from './$types';
import { planReviewEndpoint } from '$lib/server/review-http';

/** PATCH …/threads/<threadId>/comments/<commentId> {body, mentions?} – own comment only. */
export const PATCH: RequestHandler = (event) =>
	planReviewEndpoint(
		event,
		'review.comment',
		(caller, body) =>
			event.locals.backend.review.editComment(
				caller,
				event.params.planId,
				event.params.threadId,
				event.params.commentId,
				body
			),
		{ withBody: true }
	);

/** DELETE …/threads/<threadId>/comments/<commentId> – own comment; the owner may delete any. */
export const DELETE: RequestHandler = (event) =>
	planReviewEndpoint(event, 'review.comment', (caller) =>
		event.locals.backend.review.deleteComment(
			caller,
			event.params.planId,
			event.params.threadId,
			event.params.commentId
		)
	);
