"""saved segments, outreaches and their members, each contact's outreach

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02

Columns are added in place (ALTER TABLE ... ADD COLUMN), never by rebuilding the table, so
no child row is touched.
"""

import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('contacts', sa.Column('outreach_id', sa.Integer(), nullable=True))
    op.create_index(op.f('ix_contacts_outreach_id'), 'contacts', ['outreach_id'], unique=False)
    op.create_table(
        'saved_segments',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(length=80), nullable=False),
        sa.Column('query', sa.Text(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_saved_segments')),
        sa.UniqueConstraint('name', name=op.f('uq_saved_segments_name')),
    )
    op.create_table(
        'outreaches',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('made_at', sa.DateTime(), nullable=False),
        sa.Column('segment_name', sa.String(length=80), nullable=True),
        sa.Column('channel', sa.String(length=20), nullable=False),
        sa.Column('template', sa.Text(), nullable=False),
        sa.Column('file_name', sa.String(length=400), nullable=False),
        sa.Column('sent', sa.Integer(), nullable=False),
        sa.Column('left_out', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_outreaches')),
    )
    op.create_index(op.f('ix_outreaches_made_at'), 'outreaches', ['made_at'], unique=False)
    op.create_table(
        'outreach_members',
        sa.Column('outreach_id', sa.Integer(), nullable=False),
        sa.Column('customer_id', sa.Integer(), nullable=False),
        sa.Column('left_out', sa.String(length=20), nullable=True),
        sa.ForeignKeyConstraint(['customer_id'], ['customers.id'],
                                name=op.f('fk_outreach_members_customer_id_customers'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['outreach_id'], ['outreaches.id'],
                                name=op.f('fk_outreach_members_outreach_id_outreaches'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('outreach_id', 'customer_id', name=op.f('pk_outreach_members')),
    )
    op.create_index(op.f('ix_outreach_members_customer_id'), 'outreach_members', ['customer_id'],
                    unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_outreach_members_customer_id'), table_name='outreach_members')
    op.drop_table('outreach_members')
    op.drop_index(op.f('ix_outreaches_made_at'), table_name='outreaches')
    op.drop_table('outreaches')
    op.drop_table('saved_segments')
    op.drop_index(op.f('ix_contacts_outreach_id'), table_name='contacts')
    with op.batch_alter_table('contacts', schema=None) as batch_op:
        batch_op.drop_column('outreach_id')
