"""Faster dyad questions (measured on a generated knowledge base of 100,000 articles):
covering indexes for an article's event reports with their events and an article's
quotes with their speakers, and each claim's publication date on the claim itself, so
figures are grouped by month without reading every claim's article.

Revision ID: 0002
Revises: 0001
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.add_column(sa.Column('published', sa.Date(), nullable=True))
    op.execute("UPDATE claims SET published = "
               "(SELECT articles.published FROM articles WHERE articles.id = claims.article_id)")
    with op.batch_alter_table('event_reports', schema=None) as batch_op:
        batch_op.drop_index('ix_event_reports_article')
        batch_op.create_index('ix_event_reports_article_event', ['article_id', 'event_id'],
                              unique=False)
    with op.batch_alter_table('quotes', schema=None) as batch_op:
        batch_op.drop_index('ix_quotes_article')
        batch_op.create_index('ix_quotes_article_speaker', ['article_id', 'speaker_id'],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.drop_column('published')
    with op.batch_alter_table('quotes', schema=None) as batch_op:
        batch_op.drop_index('ix_quotes_article_speaker')
        batch_op.create_index('ix_quotes_article', ['article_id'], unique=False)
    with op.batch_alter_table('event_reports', schema=None) as batch_op:
        batch_op.drop_index('ix_event_reports_article_event')
        batch_op.create_index('ix_event_reports_article', ['article_id'], unique=False)
