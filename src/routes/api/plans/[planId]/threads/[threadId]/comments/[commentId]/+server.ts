import type { RequestHandler } from './$types';
import { planReviewEndpoint } from '$lib/server/review-http';
import { ROUTES } from '$lib/server/api/routes';

/** PATCH …/threads/<threadId>/comments/<commentId> {body, mentions?} – own comment only. */
export const PATCH: RequestHandler = (event) =>
	planReviewEndpoint(
		event,
		'review.comment',
		(caller, planId, body) =>
			event.locals.backend.review.editComment(
				caller,
				planId,
				event.params.threadId,
				event.params.commentId,
				body
			),
		{ schema: ROUTES.commentPatch.body }
	);

/** DELETE …/threads/<threadId>/comments/<commentId> – own comment; the owner may delete any. */
export const DELETE: RequestHandler = (event) =>
	planReviewEndpoint(event, 'review.comment', (caller, planId) =>
		event.locals.backend.review.deleteComment(
			caller,
			planId,
			event.params.threadId,
			event.params.commentId
		)
	);
